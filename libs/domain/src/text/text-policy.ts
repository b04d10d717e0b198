import type { Parsed } from '../identity/parse-result';

/**
 * What any text a person types may not hold, wherever it is shown or sent on:
 * the rules every name and free-text field share. Plain and browser-safe, so
 * the portal's forms say the same as the server.
 */
export type TextRule =
  | 'notText'
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'controlCharacter'
  | 'lineBreak'
  | 'bidiControl'
  | 'invisibleCharacter'
  | 'emoji'
  | 'privateUse'
  | 'unassigned';

export type TextResult<Rule extends string = TextRule> = Parsed<string, Rule>;

export const TEXT_RULE_MESSAGES: Record<TextRule, string> = {
  notText: 'must be text',
  required: 'must not be empty',
  tooShort: 'is too short',
  tooLong: 'is too long',
  controlCharacter: 'must not contain control characters (NUL, escape, tab and the like)',
  lineBreak: 'must be a single line',
  bidiControl: 'must not contain bidirectional text controls (right-to-left overrides, isolates or marks)',
  invisibleCharacter: 'must not contain invisible formatting characters (zero-width spaces, tags and the like)',
  emoji: 'must not contain emoji',
  privateUse: 'must not contain private-use characters',
  unassigned: 'must not contain unassigned code points or broken surrogate pairs',
};

/** C0 and C1 controls and DEL, all but the line feed (whether a line feed is allowed is the field's rule). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;
/** U+202A–202E embeddings and overrides, U+2066–2069 isolates, the LRM/RLM and Arabic letter marks. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** Joiners shape Arabic, Persian and Indic words; between two letters (or marks) they are part of the word. */
const JOINER_IN_WORD = /(?<=[\p{L}\p{M}])[\u200C\u200D](?=[\p{L}\p{M}])/gu;
const FORMAT = /\p{Cf}/u;
/**
 * Emoji as phones type them: anything shown as emoji by default, pictographs of
 * the emoji planes, the emoji variation selector, keycaps and skin tones. Text
 * symbols such as © or ☺ (without U+FE0F) stay ordinary symbols.
 */
const EMOJI = /\p{Emoji_Presentation}|[\u{1F000}-\u{1FAFF}]|\uFE0F|\u20E3|\p{Emoji_Modifier}/u;
const PRIVATE_USE = /\p{Co}/u;
const UNASSIGNED = /[\p{Cn}\p{Cs}]/u;

/** The first rule among those all text shares that `text` breaks; line feeds are judged by the caller. */
export function sharedTextProblem(text: string): TextRule | undefined {
  if (CONTROL.test(text)) return 'controlCharacter';
  if (BIDI_CONTROL.test(text)) return 'bidiControl';
  if (EMOJI.test(text)) return 'emoji';
  if (FORMAT.test(text.replace(JOINER_IN_WORD, ''))) return 'invisibleCharacter';
  if (PRIVATE_USE.test(text)) return 'privateUse';
  if (UNASSIGNED.test(text)) return 'unassigned';
  return undefined;
}

/** Length as people and PostgreSQL count it: characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function textProblem<Rule extends string>(rule: Rule, message: string): { ok: false; rule: Rule; message: string } {
  return { ok: false, rule, message };
}
