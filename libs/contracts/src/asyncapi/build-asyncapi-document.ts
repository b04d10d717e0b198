import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BusNamespace } from '../bus-namespace';
import { cloudEventEnvelopeSchema } from '../cloud-event';
import type { EventContract } from '../event-contract';
import type { JsonSchema } from '../schema-validator';
import type { AsyncApiDocument, AsyncApiMessage } from './asyncapi-document';
import { DOCUMENT_TITLE, documentDescription, visibilityTags } from './document-info';
import { exampleMessage } from './example-message';
import { eventHeadersSchema } from './nats-headers';

const HEADERS_SCHEMA = 'EventHeaders';

// package.json lies outside rootDir, so it is read rather than imported; src/asyncapi and
// dist/asyncapi sit at the same depth, so the path holds for tests and the compiled CLI.
const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

/** The AsyncAPI 3 document subscriber systems read: one channel, message and receive operation per event type. */
export function buildAsyncApiDocument(
  catalog: readonly EventContract[],
  namespace: BusNamespace = new BusNamespace(),
): AsyncApiDocument {
  const document: AsyncApiDocument = {
    asyncapi: '3.0.0',
    info: {
      title: DOCUMENT_TITLE,
      version,
      description: documentDescription(namespace),
      tags: [visibilityTags.public, visibilityTags.internal],
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'Local NATS with JetStream (nats://127.0.0.1:4222).',
      },
    },
    channels: {},
    operations: {},
    components: { schemas: { [HEADERS_SCHEMA]: eventHeadersSchema }, messages: {} },
  };
  for (const contract of catalog) {
    const key = contractKey(contract);
    if (key in document.channels) {
      throw new Error(`event type ${contract.type} appears twice in the catalog`);
    }
    const { summary, visibility } = contract.definition;
    const access =
      visibility === 'public'
        ? 'Public: subscriber systems may read this subject.'
        : 'Internal: platform services only; subscriber accounts cannot read this subject.';
    document.components.messages[key] = message(contract);
    document.channels[key] = {
      address: contract.subjectIn(namespace),
      title: titleOf(contract),
      summary,
      description: access,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
    };
    document.operations[`receive${key[0].toUpperCase()}${key.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${key}` },
      messages: [{ $ref: `#/channels/${key}/messages/${key}` }],
      summary: `Receive ${contract.type}.`,
      description: access,
      tags: [visibilityTags[visibility]],
    };
  }
  return document;
}

function message(contract: EventContract): AsyncApiMessage {
  return {
    name: contract.type,
    title: titleOf(contract),
    summary: contract.definition.summary,
    correlationId: {
      description: 'Correlation id of the request that caused the event.',
      location: '$message.header#/x-correlation-id',
    },
    headers: { $ref: `#/components/schemas/${HEADERS_SCHEMA}` },
    payload: payloadSchema(contract),
    examples: [exampleMessage(contract)],
  };
}

/**
 * The envelope schema with this event's type, source and data pinned. Its $id is dropped:
 * the result is a different schema, and one $id on several schemas is refused by validators.
 */
function payloadSchema(contract: EventContract): JsonSchema {
  const { $id, ...envelope } = cloudEventEnvelopeSchema;
  return {
    ...envelope,
    properties: {
      ...envelope.properties,
      id: { ...envelope.properties.id, description: 'Unique per event; also sent as the Nats-Msg-Id header.' },
      source: { const: contract.source },
      type: { const: contract.type },
      subject: { ...envelope.properties.subject, description: 'Id of the record the event is about.' },
      data: contract.definition.schema,
    },
  };
}

/** `scheduling` + `open-day-published` + 1 → `schedulingOpenDayPublishedV1`: an id code generators accept. */
function contractKey(contract: EventContract): string {
  const { service, name, version: eventVersion } = contract.definition;
  return `${service}-${name}-v${eventVersion}`.replace(/[-_]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function titleOf(contract: EventContract): string {
  const { name, version: eventVersion } = contract.definition;
  const words = name.replace(/-/g, ' ');
  return `${words[0].toUpperCase()}${words.slice(1)} (v${eventVersion})`;
}
