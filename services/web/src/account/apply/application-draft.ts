import type { ApplicantCategory, ApplicationChannel } from '../api/views';

/** One person as typed into the form; the consent is given once for the whole form. */
export interface PersonDraft {
  name: string;
  idNumber: string;
  mobile: string;
  category: ApplicantCategory | '';
  district: string;
  email: string;
}

export interface ApplicationDraft {
  channel: ApplicationChannel;
  sessionId: string;
  recommendingOrganisation: string;
  unitName: string;
  unitCreditCode: string;
  applicant: PersonDraft;
  members: PersonDraft[];
  privacyConsent: boolean;
}

export function emptyPerson(): PersonDraft {
  return { name: '', idNumber: '', mobile: '', category: '', district: '', email: '' };
}

export function emptyDraft(sessionId = '', district = ''): ApplicationDraft {
  const person = { ...emptyPerson(), district };
  return {
    channel: 'self',
    sessionId,
    recommendingOrganisation: '',
    unitName: '',
    unitCreditCode: '',
    applicant: person,
    members: [{ ...person }],
    privacyConsent: false,
  };
}

interface PersonBody {
  name: string;
  idNumber: string;
  mobile: string;
  category: ApplicantCategory;
  district: string;
  /** Nothing is sent without it: the body carries it as the gateway requires, true. */
  privacyConsent: true;
  email?: string;
  language: 'zh-CN' | 'en';
}

export type ApplicationBody =
  | { channel: 'self'; sessionId?: string; applicant: PersonBody }
  | { channel: 'organisation'; sessionId?: string; recommendingOrganisation: string; applicant: PersonBody }
  | { channel: 'group'; sessionId?: string; unit: { name: string; creditCode: string }; members: PersonBody[] };

/**
 * The request body for the channel chosen: only that channel's fields (the
 * gateway refuses the others), trimmed; messages come in the language the
 * portal is shown in. None without the privacy consent.
 */
export function toApplicationBody(draft: ApplicationDraft, language: 'zh-CN' | 'en'): ApplicationBody | null {
  if (!draft.privacyConsent) return null;
  const session = draft.sessionId ? { sessionId: draft.sessionId } : {};
  const person = (p: PersonDraft): PersonBody => ({
    name: p.name.trim(),
    idNumber: p.idNumber.trim(),
    mobile: p.mobile.trim(),
    category: p.category as ApplicantCategory,
    district: p.district.trim(),
    privacyConsent: true,
    ...(p.email.trim() ? { email: p.email.trim() } : {}),
    language,
  });
  switch (draft.channel) {
    case 'self':
      return { channel: 'self', ...session, applicant: person(draft.applicant) };
    case 'organisation':
      return { channel: 'organisation', ...session, recommendingOrganisation: draft.recommendingOrganisation.trim(), applicant: person(draft.applicant) };
    case 'group':
      return {
        channel: 'group',
        ...session,
        unit: { name: draft.unitName.trim(), creditCode: draft.unitCreditCode.trim() },
        members: draft.members.map(person),
      };
  }
}

/** The people on the form for its channel, with where each sits in the request body. */
export function peopleOnForm(draft: ApplicationDraft): Array<{ path: string; person: PersonDraft }> {
  if (draft.channel === 'group') return draft.members.map((person, i) => ({ path: `members[${i}]`, person }));
  return [{ path: 'applicant', person: draft.applicant }];
}

export interface SubmissionKey {
  key: string;
  body: string;
}

/**
 * The Idempotency-Key to send: the same as last time while the body is the
 * same (a retry after a lost answer, a double tap), a new one once it changed
 * (the gateway refuses a key reused for a different body).
 */
export function submissionKeyFor(previous: SubmissionKey | null, body: ApplicationBody, newKey: () => string): SubmissionKey {
  const serialised = JSON.stringify(body);
  if (previous && previous.body === serialised) return previous;
  return { key: newKey(), body: serialised };
}

/** The controls whose value changed between two versions of a person: their server problems no longer hold. */
export function changedPaths(path: string, before: PersonDraft, after: PersonDraft): string[] {
  return (Object.keys(after) as Array<keyof PersonDraft>).filter((key) => before[key] !== after[key]).map((key) => `${path}.${key}`);
}
