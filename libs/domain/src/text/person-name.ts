import { characterCount, sharedTextProblem, TEXT_RULE_MESSAGES, textProblem, type TextResult, type TextRule } from './text-policy';

export const PERSON_NAME_MAX_LENGTH = 50;

export type PersonNameRule = TextRule | 'notLetters' | 'separatorPlacement';

/**
 * The middle dot of transcribed names (艾力·买买提, as printed on resident ID
 * cards) and what people type for it: katakana and half-width middle dots,
 * bullets, the hyphenation point, the runic and Greek dots, word-separator and
 * operator dots. All are stored as U+00B7.
 */
const MIDDLE_DOT_LOOK_ALIKES = /[\u00B7\u0387\u16EB\u2022\u2027\u2219\u22C5\u2E31\u30FB\uFF65]/gu;
const MIDDLE_DOT = '\u00B7';
const SPACES = /\p{Zs}+/gu;
/** Separators real names use between their parts: space, hyphen, apostrophes (' ’ ʼ) and the middle dot. */
const SEPARATOR = "[ \\-'\u2019\u02BC\u00B7]";
/** Letters of any script with their combining marks (and a joiner inside a word), parts joined by one separator each. */
const NAME_SHAPE = new RegExp(`^\\p{L}[\\p{L}\\p{M}\u200C\u200D]*(?:${SEPARATOR}\\p{L}[\\p{L}\\p{M}\u200C\u200D]*)*$`, 'u');
const NAME_CHARACTERS = new RegExp(`^(?:[\\p{L}\\p{M}\u200C\u200D]|${SEPARATOR})*$`, 'u');

const NAME_RULE_MESSAGES: Record<'notLetters' | 'separatorPlacement', string> = {
  notLetters: 'must be letters of any script, with spaces, hyphens, apostrophes or the middle dot (·) between the parts; no digits or symbols',
  separatorPlacement: 'must begin and end with a letter, with one space, hyphen, apostrophe or middle dot (·) between its parts',
};

/** A person's name as stored: NFC, spaces trimmed and collapsed, every middle-dot look-alike as U+00B7 (spaces around it removed). */
export function normalizePersonName(value: string): string {
  return value
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim()
    .replace(MIDDLE_DOT_LOOK_ALIKES, MIDDLE_DOT)
    .replace(/ ?\u00B7 ?/gu, MIDDLE_DOT);
}

/**
 * A person's name, as on their ID card: letters of any script (Chinese,
 * Uyghur, Latin, …) with combining marks, the parts joined by a space, hyphen,
 * apostrophe or middle dot; 1–50 characters once normalised. The value to
 * store, or the first rule the name breaks.
 */
export function parsePersonName(value: unknown): TextResult<PersonNameRule> {
  if (typeof value !== 'string') return textProblem('notText', TEXT_RULE_MESSAGES.notText);
  const shared = sharedTextProblem(value);
  if (shared) return textProblem(shared, TEXT_RULE_MESSAGES[shared]);
  if (value.includes('\n')) return textProblem('controlCharacter', TEXT_RULE_MESSAGES.controlCharacter);
  const name = normalizePersonName(value);
  if (name === '') return textProblem('required', TEXT_RULE_MESSAGES.required);
  if (characterCount(name) > PERSON_NAME_MAX_LENGTH) {
    return textProblem('tooLong', `must be at most ${PERSON_NAME_MAX_LENGTH} characters`);
  }
  if (!NAME_CHARACTERS.test(name)) return textProblem('notLetters', NAME_RULE_MESSAGES.notLetters);
  if (!NAME_SHAPE.test(name)) return textProblem('separatorPlacement', NAME_RULE_MESSAGES.separatorPlacement);
  return { ok: true, value: name };
}
