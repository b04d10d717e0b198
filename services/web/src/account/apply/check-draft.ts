import { ageProblem, normalizeMobile, parseCreditCode, parseResidentId } from '@openday/domain/identity';
import { parseFreeText, parsePersonName, PERSON_NAME_MAX_LENGTH, type PersonNameRule } from '@openday/domain/text';
import { peopleOnForm, type ApplicationDraft, type PersonDraft } from './application-draft';

/** A message key under `account.apply.rules` and what it says; the page puts it in words. */
export interface RuleBroken {
  rule: string;
  values?: Record<string, string | number>;
}

/** Problems by the control's path (the request body's path, e.g. `members[1].idNumber`). */
export type DraftProblems = Record<string, RuleBroken>;

/** What the open day asks of the people on the form. */
export interface DraftRules {
  /** The session's date: age counts on the event day. */
  eventDate: string;
  /** Today in Asia/Shanghai: a birth date after it is not real. */
  today: string;
  minAge: number;
  maxAge: number | null;
}

/** Lenient on purpose: the gateway checks the address exactly; this catches typing slips. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The same rules the gateway applies, checked as the citizen types, so most
 * mistakes are told next to the field before anything is sent.
 */
export function checkDraft(draft: ApplicationDraft, rules: DraftRules): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.channel === 'organisation') {
    const organisation = textProblem(draft.recommendingOrganisation, 'recommendingOrganisation', ORGANISATION_MAX_LENGTH);
    if (organisation) problems.recommendingOrganisation = organisation;
  }
  if (draft.channel === 'group') Object.assign(problems, checkUnit(draft));
  for (const { path, person } of peopleOnForm(draft)) Object.assign(problems, checkPerson(person, path, rules));
  Object.assign(problems, samePersonTwice(draft, problems));
  if (!draft.privacyConsent) problems.privacyConsent = { rule: 'consentRequired' };
  return problems;
}

function checkUnit(draft: ApplicationDraft): DraftProblems {
  const problems: DraftProblems = {};
  const unitName = textProblem(draft.unitName, 'unitName', ORGANISATION_MAX_LENGTH);
  if (unitName) problems['unit.name'] = unitName;
  const code = parseCreditCode(draft.unitCreditCode);
  if (!code.ok) problems['unit.creditCode'] = { rule: code.rule === 'checksum' ? 'creditChecksum' : 'creditFormat' };
  if (draft.members.length === 0) problems.members = { rule: 'membersRequired' };
  return problems;
}

/** The gateway's limit on an organisation's and a unit's name. */
const ORGANISATION_MAX_LENGTH = 100;

/** What the text policy refuses, in the words a citizen can act on (libs/domain/src/text, the gateway's very rules). */
const TEXT_RULES: Record<PersonNameRule, string> = {
  notText: 'required',
  required: 'required',
  tooShort: 'required',
  tooLong: 'tooLong',
  controlCharacter: 'hiddenCharacters',
  lineBreak: 'hiddenCharacters',
  bidiControl: 'hiddenCharacters',
  invisibleCharacter: 'hiddenCharacters',
  privateUse: 'hiddenCharacters',
  unassigned: 'hiddenCharacters',
  emoji: 'emoji',
  notLetters: 'nameLetters',
  separatorPlacement: 'nameSeparators',
};

function nameProblem(name: string): RuleBroken | null {
  const parsed = parsePersonName(name);
  if (parsed.ok) return null;
  return { rule: TEXT_RULES[parsed.rule], values: { field: 'name', max: PERSON_NAME_MAX_LENGTH } };
}

function textProblem(text: string, field: string, max: number): RuleBroken | null {
  const parsed = parseFreeText(text, { maxLength: max });
  if (parsed.ok) return null;
  return { rule: TEXT_RULES[parsed.rule], values: { field, max } };
}

const ID_RULES = { format: 'idFormat', checksum: 'idChecksum', region: 'idRegion', birthDate: 'idBirthDate' } as const;

export function checkPerson(person: PersonDraft, path: string, rules: DraftRules): DraftProblems {
  const problems: DraftProblems = {};
  const name = nameProblem(person.name);
  if (name) problems[`${path}.name`] = name;
  const idProblem = checkIdNumber(person.idNumber, rules);
  if (idProblem) problems[`${path}.idNumber`] = idProblem;
  if (!normalizeMobile(person.mobile).ok) problems[`${path}.mobile`] = { rule: 'mobile' };
  if (!person.category) problems[`${path}.category`] = { rule: 'categoryRequired' };
  if (!person.district.trim()) problems[`${path}.district`] = { rule: 'districtRequired' };
  if (person.email.trim() && !EMAIL.test(person.email.trim())) problems[`${path}.email`] = { rule: 'email' };
  return problems;
}

/** The ID's own rules first; then the age its birth date gives on the event day. */
function checkIdNumber(idNumber: string, rules: DraftRules): RuleBroken | null {
  const id = parseResidentId(idNumber, rules.today);
  if (!id.ok) return { rule: ID_RULES[id.rule] };
  const age = ageProblem(id.value.birthDate, rules.eventDate, rules);
  if (age?.rule === 'age-below-minimum') return { rule: 'tooYoung', values: { min: rules.minAge, date: rules.eventDate } };
  if (age?.rule === 'age-above-maximum' && rules.maxAge !== null) return { rule: 'tooOld', values: { max: rules.maxAge, date: rules.eventDate } };
  return null;
}

/** One person per open day: the same ID twice in a group is refused, x and X alike. */
function samePersonTwice(draft: ApplicationDraft, known: DraftProblems): DraftProblems {
  const problems: DraftProblems = {};
  const seen = new Map<string, number>();
  peopleOnForm(draft).forEach(({ path, person }, index) => {
    if (known[`${path}.idNumber`]) return;
    const id = person.idNumber.trim().toUpperCase();
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else problems[`${path}.idNumber`] = { rule: 'samePerson', values: { member: first + 1 } };
  });
  return problems;
}
