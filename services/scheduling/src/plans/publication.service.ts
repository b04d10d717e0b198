import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { OpenDayPublishedV1, OpenDayPublishedV2, OpenDayPublishedV3 } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock } from '@openday/platform';
import { decide } from './filing';
import { insertOpenDay, publishedV1, publishedV2, publishedV3 } from './open-day-projection';
import { findPlan, insertPlanHistory, planSessions, updatePlan } from './plan-store';

/** After a failed attempt the timer waits this long, then longer, up to an hour. */
const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000];

/**
 * Publishes approved plans at their publication time. Each due timer row is
 * claimed with FOR UPDATE SKIP LOCKED, so replicas polling together never
 * publish one plan twice, and deleted in the transaction that creates the
 * open day and writes both open-day-published events (v1 and v2) to the
 * outbox: a crash before the commit leaves the row for the next poll.
 */
@Injectable()
export class PublicationService {
  private readonly logger = new Logger(PublicationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Publishes what is due, one plan per transaction; answers the ids of the plans published. */
  async publishDue(max = 20): Promise<string[]> {
    const published: string[] = [];
    while (published.length < max) {
      let claimed: string | undefined;
      try {
        const planId = await this.dataSource.transaction(async (manager) => {
          const [timer] = (await manager.query(
            `SELECT plan_id AS "planId" FROM publication_timers WHERE due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [this.clock.now()],
          )) as Array<{ planId: string }>;
          if (!timer) return undefined;
          claimed = timer.planId;
          await this.publish(manager, timer.planId);
          await manager.query(`DELETE FROM publication_timers WHERE plan_id = $1`, [timer.planId]);
          return timer.planId;
        });
        if (!planId) break;
        published.push(planId);
      } catch (error) {
        if (!claimed) throw error;
        await this.postpone(claimed, error);
      }
    }
    return published;
  }

  private async publish(manager: EntityManager, planId: string): Promise<void> {
    const plan = await findPlan(manager, planId, true);
    if (!plan || decide('publish', plan, 'platform').outcome !== 'allowed') {
      this.logger.warn(`publication timer for plan ${planId} (${plan?.status ?? 'missing'}), which is not approved; dropped`);
      return;
    }
    const sessions = await planSessions(manager, planId);
    const now = this.clock.now();
    const openDayId = randomUUID();
    await insertOpenDay(manager, openDayId, plan, sessions, now);
    plan.status = 'published';
    plan.openDayId = openDayId;
    plan.version += 1;
    plan.updatedAt = now;
    await updatePlan(manager, plan);
    await insertPlanHistory(manager, {
      planId,
      at: now,
      action: 'published',
      actorUserId: null,
      actorRole: null,
      actorAgencyId: null,
      fromStatus: 'approved',
      toStatus: 'published',
      comments: null,
      details: { openDayId },
    });
    await this.outbox.add(manager, OpenDayPublishedV1.contract, publishedV1(openDayId, plan, now), { aggregateId: openDayId });
    await this.outbox.add(manager, OpenDayPublishedV2.contract, publishedV2(openDayId, plan, sessions, now), { aggregateId: openDayId });
    await this.outbox.add(manager, OpenDayPublishedV3.contract, publishedV3(openDayId, plan, sessions, now), { aggregateId: openDayId });
    this.logger.log(`plan ${planId} published as open day ${openDayId}`);
  }

  private async postpone(planId: string, error: unknown): Promise<void> {
    this.logger.error(`publishing plan ${planId} failed; will retry: ${error instanceof Error ? error.message : String(error)}`);
    const [row] = (await this.dataSource.query(`SELECT attempts FROM publication_timers WHERE plan_id = $1`, [planId])) as Array<{ attempts: number }>;
    const delay = RETRY_DELAYS_MS[Math.min(row?.attempts ?? 0, RETRY_DELAYS_MS.length - 1)];
    await this.dataSource.query(
      `UPDATE publication_timers SET attempts = attempts + 1, last_error = $2, due_at = $3 WHERE plan_id = $1`,
      [planId, String(error instanceof Error ? error.message : error).slice(0, 1000), new Date(this.clock.now().getTime() + delay)],
    );
  }
}
