/** The agencies directory as the city office keeps it, as plain functions: a new agency checked before sending, and an edit's changes only. */
import type { components } from '../../api/schema';
import { CITY_OFFICE_AGENCY } from './account-rules';
import type { Agency } from './use-agencies';

export type CreateAgencyBody = components['schemas']['CreateAgencyRequest'];
export type UpdateAgencyBody = components['schemas']['UpdateAgencyRequest'];
export type AgencyKind = CreateAgencyBody['kind'];

export const AGENCY_KINDS: readonly AgencyKind[] = ['municipal-bureau', 'district-town-government', 'vertical-department', 'court', 'public-institution'];
const AGENCY_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
const DISTRICT_CODE = /^[a-z][a-z0-9-]{1,31}$/;

export interface AgencyForm {
  id: string;
  name: string;
  kind: AgencyKind | null;
  district: string;
}

export type AgencyField = 'id' | 'name' | 'kind' | 'district';
export type AgencyProblem = 'required' | 'code-shape' | 'name-length' | 'district-shape';

function nameProblem(name: string): AgencyProblem | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  if (trimmed.length < 2 || trimmed.length > 100) return 'name-length';
  return undefined;
}

function districtProblem(district: string): AgencyProblem | undefined {
  const code = district.trim();
  return code && !DISTRICT_CODE.test(code) ? 'district-shape' : undefined;
}

export function newAgencyBody(form: AgencyForm): { ok: true; body: CreateAgencyBody } | { ok: false; problems: Partial<Record<AgencyField, AgencyProblem>> } {
  const problems: Partial<Record<AgencyField, AgencyProblem>> = {};
  const id = form.id.trim().toLowerCase();
  if (!id) problems.id = 'required';
  else if (!AGENCY_CODE.test(id)) problems.id = 'code-shape';
  const name = nameProblem(form.name);
  if (name) problems.name = name;
  if (form.kind === null) problems.kind = 'required';
  const district = districtProblem(form.district);
  if (district) problems.district = district;
  if (Object.keys(problems).length > 0 || form.kind === null) return { ok: false, problems };
  return { ok: true, body: { id, name: form.name.trim(), kind: form.kind, district: form.district.trim() || null } };
}

/** What an edit changes (name, kind, district), or the field's problem; an empty body means nothing to send. */
export function agencyEdit(
  agency: Pick<Agency, 'name' | 'kind' | 'district'>,
  form: { name: string; kind: AgencyKind; district: string },
): { ok: true; body: UpdateAgencyBody } | { ok: false; problems: Partial<Record<AgencyField, AgencyProblem>> } {
  const problems: Partial<Record<AgencyField, AgencyProblem>> = {};
  const name = nameProblem(form.name);
  if (name) problems.name = name;
  const district = districtProblem(form.district);
  if (district) problems.district = district;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const body: UpdateAgencyBody = {};
  if (form.name.trim() !== agency.name) body.name = form.name.trim();
  if (form.kind !== agency.kind) body.kind = form.kind;
  const nextDistrict = form.district.trim() || null;
  if (nextDistrict !== agency.district) body.district = nextDistrict;
  return { ok: true, body };
}

/** The city office's own agency stays active: its accounts run the programme. */
export function mayDeactivate(agency: Pick<Agency, 'id'>): boolean {
  return agency.id !== CITY_OFFICE_AGENCY;
}
