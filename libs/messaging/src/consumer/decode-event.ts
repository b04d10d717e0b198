import {
  cloudEventEnvelopeSchema,
  compileSchema,
  contractForType,
  type BusNamespace,
  type CloudEvent,
  type EventContract,
} from '@openday/contracts';

const checkEnvelope = compileSchema(cloudEventEnvelopeSchema as unknown as Record<string, unknown>);

export type DecodeResult =
  | { kind: 'event'; event: CloudEvent; contract: EventContract }
  | { kind: 'not-for-us'; type: string }
  | { kind: 'invalid'; reason: string };

/** Turns raw bytes into a checked event, or a reason to dead-letter it; never throws. */
export function decodeEvent(
  raw: Uint8Array,
  subject: string,
  wanted: readonly EventContract[],
  namespace: BusNamespace,
): DecodeResult {
  let parsed: unknown;
  try {
    // A view of the message's bytes, not a copy of them.
    parsed = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch {
    // The parser's message quotes the input, which may hold personal data.
    return { kind: 'invalid', reason: `malformed JSON (${raw.length} bytes)` };
  }
  const envelope = checkEnvelope(parsed);
  if (!envelope.valid) {
    return { kind: 'invalid', reason: `not a CloudEvent: ${envelope.errors.join('; ')}` };
  }
  const event = parsed as CloudEvent;
  const contract = contractForType(event.type);
  if (!contract) {
    return { kind: 'invalid', reason: `unknown event type ${event.type}` };
  }
  if (contract.subjectIn(namespace) !== subject) {
    return { kind: 'invalid', reason: `type ${event.type} does not belong on subject ${subject}` };
  }
  if (!wanted.some((c) => c.type === contract.type)) {
    return { kind: 'not-for-us', type: contract.type };
  }
  const data = contract.validate(event.data);
  if (!data.valid) {
    return { kind: 'invalid', reason: `data breaks ${event.type} schema: ${data.errors.join('; ')}` };
  }
  return { kind: 'event', event, contract };
}
