import { AckPolicy, DeliverPolicy, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface DurableConsumerSpec {
  stream: string;
  name: string;
  filterSubject: string;
  maxDeliver: number;
  ackWaitMs: number;
  maxAckPending: number;
}

function configOf(spec: DurableConsumerSpec): Partial<ConsumerConfig> {
  return {
    durable_name: spec.name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    // One more than our own limit: we dead-letter on the last try ourselves,
    // the server's limit only stops a message that crashes the process every time.
    max_deliver: spec.maxDeliver + 1,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
  };
}

/**
 * Creates the durable consumer, or recreates it when its settings changed:
 * NATS 2.9 accepts an in-place filter change but then stops delivering.
 */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const wanted = configOf(spec);
  const existing = await jsm.consumers.info(spec.stream, spec.name).catch(() => null);
  if (existing) {
    const c = existing.config;
    const same =
      c.filter_subject === wanted.filter_subject &&
      c.max_deliver === wanted.max_deliver &&
      c.ack_wait === wanted.ack_wait &&
      c.max_ack_pending === wanted.max_ack_pending;
    if (same) return;
    await jsm.consumers.delete(spec.stream, spec.name);
  }
  await jsm.consumers.add(spec.stream, wanted).catch((err: unknown) => {
    // A replica starting at the same moment created it first.
    if (!/already (exists|in use)/i.test(String(err))) throw err;
  });
}
