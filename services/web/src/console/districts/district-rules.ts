/** The district list as the city office keeps it, as plain functions: a new district or a change checked before sending, and the server's refusals by field. */
import type { components } from '../../api/schema';
import type { Problem } from '../api/console-client';
import type { District } from '../plans/district-choices';

export type NewDistrictBody = components['schemas']['DistrictInput'];
export type DistrictChangeBody = components['schemas']['DistrictChangeInput'];

/** As the scheduling service's contract has it: lower-case pinyin, digits or hyphens, 2–40 long. */
const DISTRICT_CODE = /^[a-z][a-z0-9-]{1,39}$/;
const NAME_LIMITS = { nameZh: 40, nameEn: 80 } as const;

export interface DistrictForm {
  code: string;
  nameZh: string;
  nameEn: string;
}

export type DistrictField = keyof DistrictForm;
export const DISTRICT_FIELDS: readonly DistrictField[] = ['code', 'nameZh', 'nameEn'];
export const DISTRICT_PROBLEMS = ['required', 'code-shape', 'name-length', 'duplicate', 'invalid'] as const;
export type DistrictProblem = (typeof DISTRICT_PROBLEMS)[number];
export type DistrictProblems = Partial<Record<DistrictField, DistrictProblem>>;

type Checked<Body> = { ok: true; body: Body } | { ok: false; problems: DistrictProblems };

function namesOf(form: DistrictForm): { names: { nameZh: string; nameEn: string }; problems: DistrictProblems } {
  const problems: DistrictProblems = {};
  const names = { nameZh: form.nameZh.trim(), nameEn: form.nameEn.trim() };
  for (const field of ['nameZh', 'nameEn'] as const) {
    if (!names[field]) problems[field] = 'required';
    else if (names[field].length > NAME_LIMITS[field]) problems[field] = 'name-length';
  }
  return { names, problems };
}

export function newDistrictBody(form: DistrictForm): Checked<NewDistrictBody> {
  const { names, problems } = namesOf(form);
  const code = form.code.trim().toLowerCase();
  if (!code) problems.code = 'required';
  else if (!DISTRICT_CODE.test(code)) problems.code = 'code-shape';
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body: { code, ...names } };
}

/** The district as it is to be from now on (the PUT body is whole): renamed, or with `active` flipped. */
export function districtChange(district: District, change: Partial<Omit<DistrictForm, 'code'>> & { active?: boolean }): Checked<DistrictChangeBody> {
  const { names, problems } = namesOf({ code: district.code, nameZh: change.nameZh ?? district.nameZh, nameEn: change.nameEn ?? district.nameEn });
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body: { ...names, active: change.active ?? district.active } };
}

/** Whether a change would change anything (an unchanged rename is not sent). */
export function changesAnything(district: District, body: DistrictChangeBody): boolean {
  return body.nameZh !== district.nameZh || body.nameEn !== district.nameEn || body.active !== district.active;
}

const SERVER_RULES: Record<string, DistrictProblem> = {
  uniqueDistrict: 'duplicate',
  matches: 'code-shape',
  isLength: 'name-length',
  isNotEmpty: 'required',
  isDefined: 'required',
};

/**
 * The server's refusal beside the field it names (409: the code is taken; 400: a field's rule);
 * a field this form does not show is left to the page's general message.
 */
export function serverProblems({ status, errors = [] }: Pick<Problem, 'status' | 'errors'>): DistrictProblems {
  const problems: DistrictProblems = {};
  for (const error of errors) {
    const field = error.field.replace(/^(district|change)\./, '') as DistrictField;
    if (!DISTRICT_FIELDS.includes(field) || problems[field]) continue;
    problems[field] = SERVER_RULES[error.rule] ?? 'invalid';
  }
  if (status === 409 && !problems.code) problems.code = 'duplicate';
  return problems;
}
