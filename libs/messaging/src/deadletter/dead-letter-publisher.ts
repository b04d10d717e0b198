import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { BusNamespace } from '@openday/contracts';
import { DeadLetterHeaders, headerSafe } from './dead-letter-headers';

/** Copies a message, with why it failed, into the dead-letter stream. */
export async function publishDeadLetter(
  js: JetStreamClient,
  namespace: BusNamespace,
  consumer: string,
  msg: JsMsg,
  reason: string,
): Promise<void> {
  const h = natsHeaders();
  for (const [key, values] of msg.headers ?? []) {
    if (key === 'Nats-Msg-Id') continue;
    for (const value of values) h.append(key, value);
  }
  h.set(DeadLetterHeaders.reason, headerSafe(reason));
  h.set(DeadLetterHeaders.consumer, consumer);
  h.set(DeadLetterHeaders.deliveries, String(msg.info.deliveryCount));
  h.set(DeadLetterHeaders.failedAt, new Date().toISOString());
  h.set(DeadLetterHeaders.originalSubject, msg.subject);
  h.set(DeadLetterHeaders.originalStream, msg.info.stream);
  h.set(DeadLetterHeaders.originalSequence, String(msg.info.streamSequence));
  await js.publish(namespace.deadLetterSubject(consumer), msg.data, {
    headers: h,
    msgID: `${consumer}:${msg.info.stream}:${msg.info.streamSequence}`,
  });
}
