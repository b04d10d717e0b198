import type { AttendanceEntry, RosterCsvFile, TicketStatus } from '@openday/contracts';
import { spreadsheetCsv } from '@openday/platform';
import { shanghaiDateTime } from '@openday/domain';

const STATUS_LABELS: Record<TicketStatus, string> = {
  issued: 'issued 已发放',
  'checked-in': 'checked-in 已签到',
  'no-show': 'no-show 爽约',
  revoked: 'revoked 已作废',
};

const HEADER = ['No. 序号', 'Name 姓名', 'ID number 身份证号', 'Status 状态', 'Checked in at (Asia/Shanghai) 签到时间', 'Method 方式', 'Ticket 凭证'];

/**
 * A session's roster as CSV: masked names and ID numbers only, times on the Shanghai clock.
 * Written by spreadsheetCsv: a BOM for the Chinese, and no cell read as a formula.
 */
export function rosterCsv(session: { sessionId: string; date: string; startsAt: string }, entries: readonly AttendanceEntry[]): RosterCsvFile {
  const rows = entries.map((entry, index) => [
    index + 1,
    entry.maskedName,
    entry.maskedIdNumber,
    STATUS_LABELS[entry.status],
    entry.checkedInAt ? shanghaiDateTime(new Date(entry.checkedInAt), 'second') : '',
    entry.checkInMethod ?? '',
    entry.ticketId,
  ]);
  return {
    filename: `roster-${session.date}-${session.startsAt.replace(':', '')}-${session.sessionId.slice(0, 8)}.csv`,
    csv: spreadsheetCsv([HEADER, ...rows]),
  };
}
