import { BusNamespace, OpenDayPublishedV1 } from '@openday/contracts';
import { decodeEvent } from './decode-event';

const namespace = new BusNamespace('unit');
const contract = OpenDayPublishedV1.contract;
const subject = contract.subjectIn(namespace);
const valid = contract.create(contract.definition.example, { subject: 'od-1' });
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('decodeEvent', () => {
  it('accepts a valid event on its own subject', () => {
    expect(decodeEvent(bytes(valid), subject, [contract], namespace)).toMatchObject({ kind: 'event', event: valid });
  });

  it('reads the event from its own bytes when they are a slice of a larger buffer, as the NATS client hands them over', () => {
    const own = bytes(valid);
    const frame = Buffer.concat([Buffer.from('MSG unit 1 '), own, Buffer.from('\r\n{"junk":')]);
    const slice = new Uint8Array(frame.buffer, frame.byteOffset + 11, own.length);
    expect(decodeEvent(slice, subject, [contract], namespace)).toMatchObject({ kind: 'event', event: valid });
  });

  it('passes over a known event this consumer does not act on', () => {
    expect(decodeEvent(bytes(valid), subject, [], namespace)).toEqual({ kind: 'not-for-us', type: contract.type });
  });

  it.each([
    ['junk', 'not json at all 13800138000', /^malformed JSON \(\d+ bytes\)$/],
    ['a JSON array', [], /^not a CloudEvent/],
    ['a missing id', { ...valid, id: undefined }, /must have required property 'id'/],
    ['a wrong specversion', { ...valid, specversion: '0.3' }, /specversion/],
    ['an unknown type', { ...valid, type: 'gov.openday.scheduling.open-day-exploded.v1' }, /unknown event type/],
    ['data breaking the schema', { ...valid, data: { ...valid.data, date: '2026-02-30' } }, /\/date must match format/],
    ['an extra data field', { ...valid, data: { ...valid.data, phone: '13800138000' } }, /must NOT have additional properties/],
  ])('dead-letters %s with a reason', (_label, payload, reason) => {
    const result = decodeEvent(bytes(payload), subject, [contract], namespace);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
  });

  it('never quotes junk (it may hold personal data) in the reason', () => {
    const result = decodeEvent(bytes('{"phone": 13800138000'), subject, [contract], namespace);
    expect(JSON.stringify(result)).not.toContain('13800138000');
  });

  it('refuses an event on a subject that is not its type’s', () => {
    const result = decodeEvent(bytes(valid), 'unit.scheduling.other.v1', [contract], namespace);
    expect(result).toEqual({ kind: 'invalid', reason: expect.stringContaining('does not belong on subject') });
  });
});
