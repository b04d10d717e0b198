import { buildCloudEvent, type CloudEvent, type EventMetadata } from './cloud-event';
import { compileSchema, type JsonSchema, type SchemaCheck } from './schema-validator';
import type { BusNamespace, EventVisibility } from './bus-namespace';


export interface EventDefinition<TData> {
  service: string;
  name: string;
  version: number;
  summary: string;
  visibility: EventVisibility;
  /**
   * Carries personal data or a secret in the clear (internal events only): the outbox deletes
   * its row the moment it is published instead of keeping sent rows for inspection.
   */
  sensitive?: boolean;
  schema: JsonSchema;
  example: TData;
}

export class EventContract<TData = unknown> {
  readonly type: string;
  readonly source: string;
  private readonly check: (value: unknown) => SchemaCheck;

  constructor(readonly definition: EventDefinition<TData>) {
    this.type = `gov.openday.${definition.service}.${definition.name}.v${definition.version}`;
    this.source = `/openday/${definition.service}`;
    if (definition.sensitive && definition.visibility !== 'internal') {
      throw new Error(`${this.type} is sensitive, so it must be internal: public subjects never carry personal data`);
    }
    this.check = compileSchema(definition.schema);
    const exampleCheck = this.check(definition.example);
    if (!exampleCheck.valid) {
      throw new Error(`example of ${this.type} breaks its own schema: ${exampleCheck.errors.join('; ')}`);
    }
  }

  subjectIn(namespace: BusNamespace): string {
    const { service, name, version, visibility } = this.definition;
    return namespace.eventSubject(service, name, version, visibility);
  }

  /** Whether the event is one of this contract's; narrows a handler's event to this contract's data. */
  matches(event: CloudEvent): event is CloudEvent<TData> {
    return event.type === this.type;
  }

  validate(data: unknown): SchemaCheck {
    return this.check(data);
  }

  /** Builds the envelope; refuses data that breaks the schema so nothing invalid is ever published. */
  create(data: TData, meta: EventMetadata): CloudEvent<TData> {
    const result = this.check(data);
    if (!result.valid) {
      throw new EventSchemaError(this.type, result.errors);
    }
    return buildCloudEvent(this.source, this.type, data, meta);
  }
}

/**
 * An event of one of the data types a handler consumes, as a union of envelopes, so that
 * `Contract.matches(event)` narrows it to one and the other branch to the rest.
 */
export type EventOf<TData> = TData extends unknown ? CloudEvent<TData> : never;

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly violations: string[],
  ) {
    super(`${eventType} does not match its schema: ${violations.join('; ')}`);
    this.name = 'EventSchemaError';
  }
}

export function defineEvent<TData>(definition: EventDefinition<TData>): EventContract<TData> {
  return new EventContract(definition);
}
