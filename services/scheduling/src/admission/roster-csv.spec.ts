import type { AttendanceEntry } from '@openday/contracts';
import { rosterCsv } from './roster-csv';

const base: AttendanceEntry = {
  ticketId: 'b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f',
  personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
  openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
  sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
  maskedName: '张*三',
  maskedIdNumber: '110105********002X',
  status: 'issued',
  checkedInAt: null,
  checkInMethod: null,
  revokedAt: null,
  revocationReason: null,
};
const session = { sessionId: base.sessionId, date: '2026-11-29', startsAt: '09:00' };

describe('the roster as CSV', () => {
  it('names the file after the session and starts with a BOM and the header', () => {
    const file = rosterCsv(session, []);
    expect(file.filename).toBe('roster-2026-11-29-0900-5c0e2d1a.csv');
    expect(file.csv.startsWith('\uFEFFNo. 序号,Name 姓名,ID number 身份证号,Status 状态,')).toBe(true);
  });

  it.each<[Partial<AttendanceEntry>, string]>([
    [{}, `1,张*三,110105********002X,issued 已发放,,,${base.ticketId}`],
    [{ status: 'checked-in', checkedInAt: '2026-11-29T00:41:07.000Z', checkInMethod: 'qr' }, `1,张*三,110105********002X,checked-in 已签到,2026-11-29 08:41:07,qr,${base.ticketId}`],
    [{ status: 'no-show' }, `1,张*三,110105********002X,no-show 爽约,,,${base.ticketId}`],
    [{ status: 'revoked', maskedName: '欧阳,*' }, `1,"欧阳,*",110105********002X,revoked 已作废,,,${base.ticketId}`],
    [{ maskedName: '=*D(A1)' }, `1,'=*D(A1),110105********002X,issued 已发放,,,${base.ticketId}`],
  ])('%j → %s', (entry, line) => {
    expect(rosterCsv(session, [{ ...base, ...entry }]).csv.split('\n')[1]).toBe(line);
  });

  it('numbers the rows in order and never shows a full ID number', () => {
    const csv = rosterCsv(session, [base, { ...base, maskedName: '李*' }]).csv;
    expect(csv.split('\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['\uFEFFNo. 序号', '1', '2']);
    expect(csv).not.toMatch(/\d{17}[\dX]/);
  });
});
