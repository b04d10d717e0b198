import { stringify } from 'csv-stringify/sync';

/**
 * CSV for people who open it in a spreadsheet program. A cell that starts with
 * = + - @ tab or carriage return would be read as a formula (OWASP "CSV
 * injection"), so csv-stringify prefixes it with an apostrophe; a negative
 * number stays a number. With a byte-order mark, so the Chinese reads as UTF-8.
 */
export function spreadsheetCsv(records: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return stringify(records as (string | number)[][], { bom: true, escape_formulas: true });
}
