import type { EntityManager } from 'typeorm';
import { LotteryCommittedV1, type LotteryCommitmentView } from '@openday/contracts';
import type { Outbox } from '@openday/messaging';
import { LOTTERY_ALGORITHM_V2, lotteryCommitment, randomLotteryBytes } from '../selection/lottery';
import type { OpenDayRecord } from './records';

/** A lottery open day's committed secret as stored; only the draw reads `secret` before `revealedAt`. */
export interface StoredCommitment {
  secret: string;
  commitment: string;
  committedAt: Date;
  revealedAt: Date | null;
}

/** Draws the open day's secret and records its commitment with the lottery-committed event, once per open day. */
export async function commitLottery(manager: EntityManager, outbox: Outbox, openDay: Pick<OpenDayRecord, 'id' | 'agencyId'>, at: Date): Promise<void> {
  const secret = randomLotteryBytes();
  const commitment = lotteryCommitment(secret);
  const inserted = (await manager.query(
    `INSERT INTO vetting_lottery_commitments (open_day_id, secret, commitment, committed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (open_day_id) DO NOTHING RETURNING open_day_id`,
    [openDay.id, secret, commitment, at],
  )) as unknown[];
  if (inserted.length === 0) return;
  await outbox.add(
    manager,
    LotteryCommittedV1.contract,
    { openDayId: openDay.id, agencyId: openDay.agencyId, recipe: 2, commitment, committedAt: at.toISOString() },
    { aggregateId: openDay.id },
  );
}

export async function storedCommitment(manager: EntityManager, openDayId: string): Promise<StoredCommitment | undefined> {
  const rows = (await manager.query(
    `SELECT secret, commitment, committed_at AS "committedAt", revealed_at AS "revealedAt" FROM vetting_lottery_commitments WHERE open_day_id = $1`,
    [openDayId],
  )) as StoredCommitment[];
  return rows[0];
}

/** The secret is public from the first draw of the open day on (every session's seed derives from it). */
export async function markRevealed(manager: EntityManager, openDayId: string, at: Date): Promise<void> {
  await manager.query(`UPDATE vetting_lottery_commitments SET revealed_at = $2 WHERE open_day_id = $1 AND revealed_at IS NULL`, [openDayId, at]);
}

/** What the public sees of a commitment: the secret only once revealed. */
export function commitmentView(stored: StoredCommitment | undefined): LotteryCommitmentView | null {
  if (!stored) return null;
  return {
    recipe: 2,
    algorithm: LOTTERY_ALGORITHM_V2,
    commitment: stored.commitment,
    committedAt: stored.committedAt.toISOString(),
    secret: stored.revealedAt ? stored.secret : null,
  };
}
