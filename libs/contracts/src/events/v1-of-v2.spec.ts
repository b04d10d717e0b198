import { changedV1Of, OpenDayChangedV2, type OpenDayChangeableFieldV2 } from './scheduling/open-day-changed.v2';
import { OpenDayChangedV1 } from './scheduling/open-day-changed.v1';
import { TicketIssuedV1 } from './scheduling/ticket-issued.v1';
import { ticketIssuedV1Of, TicketIssuedV2 } from './scheduling/ticket-issued.v2';
import { TicketRevokedV1 } from './scheduling/ticket-revoked.v1';
import { ticketRevokedV1Of, TicketRevokedV2, type TicketRevocationReasonV2 } from './scheduling/ticket-revoked.v2';
import { ApplicationSelectedV1 } from './vetting/application-selected.v1';
import { ApplicationSelectedV2, selectedV1Of, type PromotionCauseV2 } from './vetting/application-selected.v2';

const changed = OpenDayChangedV2.contract.definition.example as OpenDayChangedV2;
const revoked = TicketRevokedV2.contract.definition.example as TicketRevokedV2;
const selected = ApplicationSelectedV2.contract.definition.example as ApplicationSelectedV2;

describe('the v1 open-day-changed of a v2 change', () => {
  it.each<[OpenDayChangeableFieldV2[], string[] | null]>([
    [['sessions'], ['sessions']],
    [['venues', 'assemblyPoint'], ['venues', 'assemblyPoint']],
    [['sessions', 'eligibility'], ['sessions']],
    [['eligibility'], null],
    [['notices'], null],
    [['eligibility', 'notices'], null],
  ])('%j changed: v1 names %j', (fields, v1Fields) => {
    const v1 = changedV1Of({ ...changed, changedFields: fields });
    expect(v1?.changedFields ?? null).toEqual(v1Fields);
    if (v1) expect(OpenDayChangedV1.contract.validate(v1)).toEqual({ valid: true, errors: [] });
  });
});

describe('the v1 application-selected of a v2 selection', () => {
  it.each<[PromotionCauseV2 | null, string | null]>([
    [null, null],
    ['withdrawal', 'withdrawal'],
    ['joint-review-refusal', 'joint-review-refusal'],
    ['registration-closed', 'registration-closed'],
    ['ticket-revoked', 'withdrawal'],
    ['capacity-raised', null],
    ['no-longer-eligible', null],
  ])('promoted by %s: v1 says %s', (cause, v1Cause) => {
    const v1 = selectedV1Of({ ...selected, promotion: cause ? { cause, fromWaitlistPosition: 2 } : null });
    expect(v1.promotion).toEqual(v1Cause ? { cause: v1Cause, fromWaitlistPosition: 2 } : null);
    expect(ApplicationSelectedV1.contract.validate(v1)).toEqual({ valid: true, errors: [] });
  });
});

describe('the v1 ticket-revoked of a v2 revocation', () => {
  it.each<[TicketRevocationReasonV2, string]>([
    ['application-withdrawn', 'application-withdrawn'],
    ['open-day-cancelled', 'open-day-cancelled'],
    ['session-cancelled', 'session-cancelled'],
    ['revoked-by-staff', 'revoked-by-staff'],
    ['application-rejected', 'revoked-by-staff'],
  ])('revoked for %s: v1 says %s', (reason, v1Reason) => {
    const v1 = ticketRevokedV1Of({ ...revoked, reason });
    expect(v1).toEqual({ ...revoked, reason: v1Reason });
    expect(TicketRevokedV1.contract.validate(v1)).toEqual({ valid: true, errors: [] });
  });
});

describe('the v1 ticket-issued of a v2 ticket', () => {
  it.each(['统一乘坐大巴', ''])('leaves out the transport %j and is valid v1', (transport) => {
    const v2 = { ...(TicketIssuedV2.contract.definition.example as TicketIssuedV2), transport };
    expect(TicketIssuedV2.contract.validate(v2)).toEqual({ valid: true, errors: [] });
    const v1 = ticketIssuedV1Of(v2);
    expect(v1).not.toHaveProperty('transport');
    expect(TicketIssuedV1.contract.validate(v1)).toEqual({ valid: true, errors: [] });
    expect(TicketIssuedV1.contract.validate(v2).valid).toBe(false);
  });
});
