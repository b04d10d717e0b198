import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import type { BusNamespace } from '@openday/contracts';
import { DeadLetterHeaders } from './dead-letter-headers';

export interface DeadLetter {
  sequence: number;
  consumer: string;
  reason: string;
  deliveries: number;
  failedAt: string;
  originalSubject: string;
  originalStream: string;
  originalSequence: number;
  /** The event id when the payload was a readable CloudEvent. */
  eventId?: string;
  eventType?: string;
  sizeBytes: number;
}

function describe(msg: StoredMsg): DeadLetter {
  const h = msg.header;
  let eventId: string | undefined;
  let eventType: string | undefined;
  try {
    const parsed = JSON.parse(Buffer.from(msg.data).toString('utf8')) as { id?: unknown; type?: unknown };
    eventId = typeof parsed.id === 'string' ? parsed.id : undefined;
    eventType = typeof parsed.type === 'string' ? parsed.type : undefined;
  } catch {
    // Junk stays junk; it is listed by its sequence.
  }
  return {
    sequence: msg.seq,
    consumer: h.get(DeadLetterHeaders.consumer),
    reason: h.get(DeadLetterHeaders.reason),
    deliveries: Number(h.get(DeadLetterHeaders.deliveries)),
    failedAt: h.get(DeadLetterHeaders.failedAt),
    originalSubject: h.get(DeadLetterHeaders.originalSubject),
    originalStream: h.get(DeadLetterHeaders.originalStream),
    originalSequence: Number(h.get(DeadLetterHeaders.originalSequence)),
    eventId,
    eventType,
    sizeBytes: msg.data.length,
  };
}

export class DeadLetterStore {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: BusNamespace,
  ) {}

  async list(limit = 100): Promise<DeadLetter[]> {
    const stream = this.namespace.deadLetterStream;
    const info = await this.jsm.streams.info(stream);
    const letters: DeadLetter[] = [];
    // Replayed letters leave gaps in the sequence; a missing one is skipped.
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && letters.length < limit; seq++) {
      const msg = await this.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (msg) letters.push(describe(msg));
    }
    return letters;
  }

  /**
   * Publishes the original message again on its original subject and removes
   * the dead letter. Consumers that already applied it skip it through their
   * inbox; the new message id keeps the stream's de-duplication from eating it.
   */
  async replay(sequence: number): Promise<DeadLetter> {
    const stream = this.namespace.deadLetterStream;
    const msg = await this.jsm.streams.getMessage(stream, { seq: sequence });
    if (!msg) throw new Error(`no dead letter with sequence ${sequence} in ${stream}`);
    const letter = describe(msg);
    const h = natsHeaders();
    for (const [key, values] of msg.header) {
      if (key.startsWith('Openday-Dead-Letter') || key.startsWith('Openday-Original')) continue;
      for (const value of values) h.append(key, value);
    }
    await this.js.publish(letter.originalSubject, msg.data, {
      headers: h,
      msgID: `replay:${stream}:${sequence}`,
    });
    await this.jsm.streams.deleteMessage(stream, sequence);
    return letter;
  }
}
