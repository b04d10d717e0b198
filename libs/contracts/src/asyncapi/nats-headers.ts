import type { JsonSchema } from '../schema-validator';

/** NATS message headers every event carries; the names match libs/messaging's publisher. */
export const eventHeadersSchema: JsonSchema = {
  type: 'object',
  required: ['Nats-Msg-Id'],
  properties: {
    'Nats-Msg-Id': {
      type: 'string',
      minLength: 1,
      description:
        'Equals the CloudEvents `id`. JetStream drops a re-published message with the same id inside its duplicate window; consumers still de-duplicate on `id` themselves.',
    },
    traceparent: {
      type: 'string',
      pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: 'W3C Trace Context of the request that caused the event; continue it when you act on the event.',
    },
    'x-correlation-id': {
      type: 'string',
      pattern: '^[A-Za-z0-9._:-]{1,128}$',
      description: 'Correlation id of the originating request; quote it when reporting a problem with an event.',
    },
  },
};
