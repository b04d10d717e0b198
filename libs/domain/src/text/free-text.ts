import { characterCount, sharedTextProblem, TEXT_RULE_MESSAGES, textProblem, type TextResult } from './text-policy';

/** CR LF, a lone CR and the Unicode line and paragraph separators, all read as a line feed. */
const LINE_END = /\r\n?|[\u2028\u2029]/gu;

export interface FreeTextOptions {
  /** Most characters (code points) once normalised. */
  maxLength: number;
  /** Fewest characters once normalised; 1 unless said (0: may be left empty). */
  minLength?: number;
  /** Opinions, answers, notes: line feeds are kept. Titles, reasons, names of things: one line. */
  multiline?: boolean;
}

/**
 * Free text as stored: NFC, CR LF and the Unicode line and paragraph
 * separators as LF (or, on one line, a space), tabs and other spaces as one
 * space, trimmed (each line's end too).
 */
export function normalizeFreeText(value: string, multiline = false): string {
  const lines = value
    .normalize('NFC')
    .replace(LINE_END, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t\p{Zs}]+/gu, ' ').trimEnd());
  return (multiline ? lines.join('\n') : lines.join(' ').replace(/ {2,}/g, ' ')).trim();
}

/**
 * Text a person writes that others read (on a public page, in a message, in
 * the console): printable characters of any script, digits, punctuation and
 * symbols; line breaks only where the field has several lines; never control
 * characters, bidi controls, emoji, private-use or unassigned code points.
 * The value to store, or the first rule it breaks.
 */
export function parseFreeText(value: unknown, { maxLength, minLength = 1, multiline = false }: FreeTextOptions): TextResult {
  if (typeof value !== 'string') return textProblem('notText', TEXT_RULE_MESSAGES.notText);
  const raw = value.replace(LINE_END, '\n').replace(/\t/g, ' ');
  const shared = sharedTextProblem(raw);
  if (shared) return textProblem(shared, TEXT_RULE_MESSAGES[shared]);
  if (!multiline && raw.trim().includes('\n')) return textProblem('lineBreak', TEXT_RULE_MESSAGES.lineBreak);
  const text = normalizeFreeText(raw, multiline);
  if (text === '' && minLength > 0) return textProblem('required', TEXT_RULE_MESSAGES.required);
  if (characterCount(text) < minLength) return textProblem('tooShort', `must be at least ${minLength} characters`);
  if (characterCount(text) > maxLength) return textProblem('tooLong', `must be at most ${maxLength} characters`);
  return { ok: true, value: text };
}
