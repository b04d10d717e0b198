import ExcelJS from 'exceljs';
import type { OpenDayReportRow } from '@openday/contracts';
import { spreadsheetCsv } from '@openday/platform';

type Format = 'text' | 'date' | 'count' | 'average' | 'flag';

/** The city-wide table's columns, in order: the same header row in CSV and XLSX. */
export const REPORT_COLUMNS: ReadonlyArray<{ key: keyof OpenDayReportRow; header: string; format: Format; width: number }> = [
  { key: 'title', header: 'Open day 开放日', format: 'text', width: 36 },
  { key: 'agencyId', header: 'Agency 主办单位', format: 'text', width: 24 },
  { key: 'firstDate', header: 'First date 首场日期', format: 'date', width: 14 },
  { key: 'lastDate', header: 'Last date 末场日期', format: 'date', width: 14 },
  { key: 'applications', header: 'Applications 报名', format: 'count', width: 12 },
  { key: 'selected', header: 'Selected 入选', format: 'count', width: 10 },
  { key: 'ticketsIssued', header: 'Tickets 凭证', format: 'count', width: 10 },
  { key: 'checkedIn', header: 'Checked in 签到', format: 'count', width: 12 },
  { key: 'noShows', header: 'No-shows 爽约', format: 'count', width: 12 },
  { key: 'collected', header: 'Collected 收集意见', format: 'count', width: 12 },
  { key: 'answered', header: 'Answered 已反馈', format: 'count', width: 12 },
  { key: 'solved', header: 'Solved 已解决', format: 'count', width: 10 },
  { key: 'overdueNow', header: 'Overdue 逾期', format: 'count', width: 10 },
  { key: 'satisfaction', header: 'Satisfaction 满意度 (1-5)', format: 'average', width: 14 },
  { key: 'satisfactionCount', header: 'Survey responses 问卷数', format: 'count', width: 12 },
  { key: 'rating', header: 'Answer rating 反馈评价 (1-5)', format: 'average', width: 14 },
  { key: 'ratingCount', header: 'Ratings 评价数', format: 'count', width: 10 },
  { key: 'summaryFiled', header: 'Summary filed 已报总结', format: 'flag', width: 12 },
];

function csvValue(row: OpenDayReportRow, column: (typeof REPORT_COLUMNS)[number]): string | number {
  const value = row[column.key];
  if (value === null) return '';
  if (column.format === 'flag') return value ? 'yes' : 'no';
  return value as string | number;
}

/** CSV with a header row (spreadsheetCsv: UTF-8 with a byte-order mark, no cell read as a formula). */
export function reportCsv(rows: readonly OpenDayReportRow[]): string {
  const records = rows.map((row) => REPORT_COLUMNS.map((column) => csvValue(row, column)));
  return spreadsheetCsv([REPORT_COLUMNS.map((c) => c.header), ...records]);
}

/** XLSX: a bold, frozen header row; whole numbers, two-decimal averages and real dates. */
export async function reportXlsx(rows: readonly OpenDayReportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open Day platform';
  const sheet = workbook.addWorksheet('Open days', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { numFmt: c.format === 'count' ? '0' : c.format === 'average' ? '0.00' : c.format === 'date' ? 'yyyy-mm-dd' : '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        REPORT_COLUMNS.map((c) => {
          const value = row[c.key];
          if (value === null) return [c.key, null];
          if (c.format === 'date') return [c.key, new Date(`${value as string}T00:00:00Z`)];
          if (c.format === 'flag') return [c.key, value ? 'yes' : 'no'];
          return [c.key, value];
        }),
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
