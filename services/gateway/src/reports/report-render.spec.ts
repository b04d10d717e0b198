import ExcelJS from 'exceljs';
import type { OpenDayReportRow } from '@openday/contracts';
import { REPORT_COLUMNS, reportCsv, reportXlsx } from './report-render';

const ROW: OpenDayReportRow = {
  openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
  title: '走进自来水厂, "从源头到龙头"',
  agencyId: 'water-affairs-bureau',
  firstDate: '2026-11-29',
  lastDate: '2026-11-30',
  applications: 120,
  selected: 20,
  ticketsIssued: 20,
  checkedIn: 17,
  noShows: null,
  collected: 9,
  answered: 6,
  solved: 4,
  overdueNow: 1,
  satisfaction: 4.33,
  satisfactionCount: 15,
  rating: null,
  ratingCount: 0,
  summaryFiled: false,
};

describe('the city-wide table as files', () => {
  it('CSV: a BOM, the header row, quoted commas and quotes, empty for unknown figures', () => {
    const csv = reportCsv([ROW]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, line] = csv.slice(1).trim().split('\n');
    expect(header.split(',')).toEqual(REPORT_COLUMNS.map((c) => c.header));
    expect(line).toBe('"走进自来水厂, ""从源头到龙头""",water-affairs-bureau,2026-11-29,2026-11-30,120,20,20,17,,9,6,4,1,4.33,15,,0,no');
  });

  it('CSV: a title an agency typed as a formula is written as text', () => {
    const line = reportCsv([{ ...ROW, title: '=HYPERLINK("http://evil.example")' }]).slice(1).trim().split('\n')[1];
    expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"")",`)).toBe(true);
  });

  it('XLSX: a title that looks like a formula stays a string cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx([{ ...ROW, title: '=1+1' }])) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.getWorksheet('Open days')!.getRow(2).getCell(1).value).toBe('=1+1');
  });

  it('CSV of no open days is the header row alone', () => {
    expect(reportCsv([]).slice(1).trim().split('\n')).toHaveLength(1);
  });

  it('XLSX: a bold header row, numbers as numbers with formats, dates as dates, blanks for unknown figures', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx([ROW])) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Open days')!;
    const header = sheet.getRow(1);
    expect(header.font?.bold).toBe(true);
    expect((header.values as unknown[]).slice(1)).toEqual(REPORT_COLUMNS.map((c) => c.header));
    const cell = (key: keyof OpenDayReportRow) => sheet.getRow(2).getCell(REPORT_COLUMNS.findIndex((c) => c.key === key) + 1);
    expect(cell('title').value).toBe(ROW.title);
    expect(cell('applications').value).toBe(120);
    expect(cell('applications').numFmt).toBe('0');
    expect(cell('satisfaction').value).toBe(4.33);
    expect(cell('satisfaction').numFmt).toBe('0.00');
    expect(cell('rating').value).toBeNull();
    expect(cell('noShows').value).toBeNull();
    expect((cell('firstDate').value as Date).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(cell('firstDate').numFmt).toBe('yyyy-mm-dd');
    expect(cell('summaryFiled').value).toBe('no');
  });
});
