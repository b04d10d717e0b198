import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TicketIssuedV1, TicketIssuedV2, ticketIssuedV1Of, TicketRevokedV1, TicketRevokedV2, ticketRevokedV1Of, type TicketRevocationReasonV2 } from '@openday/contracts';
import { runWithCorrelation, type CorrelationContext, type Outbox } from '@openday/messaging';
import type { Clock } from '@openday/platform';
import { hasEveryPiece, sessionAdmits } from './admission-batch-rules';
import { insertTickets, readPeople } from './admission-people';
import { newCheckInCode } from './admission-rules';
import { findSessions, sessionFacts, ticketRef, type TicketRow } from './ticket-rows';

/**
 * Issues and revokes tickets many at a time, with their events in the outbox: a fixed number of
 * statements whatever the number of tickets. Each ticket's events carry the correlation of the
 * event that caused them.
 */
export class TicketIssuer {
  private readonly logger = new Logger(TicketIssuer.name);

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues the tickets of the people (locked by the caller) whose submission, account, selection
   * and session are all known; at most one each, in the order given, each ticket's events in the
   * correlation given with its person. Four statements whatever the number of people.
   */
  async issueReady(manager: EntityManager, people: ReadonlyArray<{ personId: string; correlation?: CorrelationContext }>): Promise<void> {
    const ready = (await readPeople(manager, [...new Set(people.map(({ personId }) => personId.toLowerCase()))])).filter(hasEveryPiece);
    const sessionIds = [...new Set(ready.map((person) => person.sessionId!))];
    const sessions = new Map((await findSessions(manager, 's.id = ANY($1::uuid[])', [sessionIds])).map((session) => [session.sessionId, session]));
    const correlationOf = new Map(people.map(({ personId, correlation }) => [personId.toLowerCase(), correlation]));
    const now = this.clock.now();
    const issued = ready.flatMap((person) => {
      const session = sessions.get(person.sessionId!);
      if (!session || !sessionAdmits(session)) return [];
      const data: TicketIssuedV2 = {
        ticketId: randomUUID(),
        applicationId: person.applicationId,
        personId: person.personId,
        openDayId: session.openDayId,
        sessionId: session.sessionId,
        agencyId: session.agencyId,
        applicantUserId: person.applicantUserId!,
        ...sessionFacts(session),
        // 32^8 codes: a clash is vanishingly rare, and the unique index turns it into a retried delivery with a new code.
        checkInCode: newCheckInCode(),
        maskedName: person.maskedName!,
        promoted: person.promoted,
        issuedAt: now.toISOString(),
      };
      return [{ data, maskedIdNumber: person.maskedIdNumber! }];
    });
    if (issued.length === 0) return;
    await insertTickets(manager, issued, now);
    await this.outbox.addAll(
      manager,
      issued.flatMap(({ data }) =>
        inCorrelation(correlationOf.get(data.personId.toLowerCase()), () => [
          this.outbox.event(TicketIssuedV2.contract, data, { aggregateId: data.ticketId }),
          this.outbox.event(TicketIssuedV1.contract, ticketIssuedV1Of(data), { aggregateId: data.ticketId }),
        ]),
      ),
    );
    this.logger.log(`${issued.length} ticket(s) issued (open days ${[...new Set(issued.map(({ data }) => data.openDayId))].join(', ')})`);
  }

  /** Revokes the tickets (locked by the caller, still issued) in one statement; each one's events carry the correlation given with it. */
  async revokeAll(
    manager: EntityManager,
    tickets: ReadonlyArray<{ ticket: TicketRow; correlation?: CorrelationContext }>,
    reason: TicketRevocationReasonV2,
    by?: { userId: string; note: string },
  ): Promise<TicketRow[]> {
    if (tickets.length === 0) return [];
    const now = this.clock.now();
    await manager.query(
      `UPDATE tickets SET status = 'revoked', revoked_at = $2, revocation_reason = $3, revoked_by = $4, revocation_note = $5 WHERE id = ANY($1::uuid[])`,
      [tickets.map(({ ticket }) => ticket.id), now, reason, by?.userId ?? null, by?.note ?? null],
    );
    await this.outbox.addAll(
      manager,
      tickets.flatMap(({ ticket, correlation }) =>
        inCorrelation(correlation, () => {
          const revoked: TicketRevokedV2 = { ...ticketRef(ticket), reason, revokedAt: now.toISOString() };
          return [
            this.outbox.event(TicketRevokedV2.contract, revoked, { aggregateId: ticket.id }),
            this.outbox.event(TicketRevokedV1.contract, ticketRevokedV1Of(revoked), { aggregateId: ticket.id }),
          ];
        }),
      ),
    );
    return tickets.map(({ ticket }) => ({ ...ticket, status: 'revoked', revokedAt: now, revocationReason: reason }));
  }
}

function inCorrelation<T>(correlation: CorrelationContext | undefined, work: () => T): T {
  return correlation ? runWithCorrelation(correlation, work) : work();
}
