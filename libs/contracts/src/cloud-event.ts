import { randomUUID } from 'node:crypto';

/** CloudEvents 1.0 structured-mode envelope, with the distributed-tracing extension. */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataschema?: string;
  correlationid?: string;
  traceparent?: string;
  data: TData;
}

export const cloudEventEnvelopeSchema = {
  $id: 'https://openday.gov.cn/schemas/cloudevent-envelope.json',
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', minLength: 1, maxLength: 200 },
    source: { type: 'string', minLength: 1 },
    type: { type: 'string', pattern: '^gov\\.openday\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+$' },
    time: { type: 'string', format: 'date-time' },
    subject: { type: 'string', minLength: 1 },
    datacontenttype: { const: 'application/json' },
    dataschema: { type: 'string' },
    correlationid: { type: 'string' },
    traceparent: { type: 'string' },
    data: {},
  },
} as const;

export interface EventMetadata {
  subject: string;
  correlationId?: string;
  traceparent?: string;
  id?: string;
  time?: Date;
}

export function newEventId(): string {
  return randomUUID();
}

export function buildCloudEvent<TData>(
  source: string,
  type: string,
  data: TData,
  meta: EventMetadata,
): CloudEvent<TData> {
  return {
    specversion: '1.0',
    id: meta.id ?? newEventId(),
    source,
    type,
    time: (meta.time ?? new Date()).toISOString(),
    subject: meta.subject,
    datacontenttype: 'application/json',
    ...(meta.correlationId ? { correlationid: meta.correlationId } : {}),
    ...(meta.traceparent ? { traceparent: meta.traceparent } : {}),
    data,
  };
}
