import type { JsonSchema } from '../schema-validator';

/**
 * The subset of AsyncAPI 3.0 this library emits. Own types rather than the
 * parser's: the parser is a dev-only tool and does not export its v3 types.
 */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: {
    title: string;
    version: string;
    description: string;
    tags: AsyncApiTag[];
  };
  defaultContentType: string;
  servers: Record<string, { host: string; protocol: string; description: string }>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: {
    schemas: Record<string, JsonSchema>;
    messages: Record<string, AsyncApiMessage>;
  };
}

export interface AsyncApiTag {
  name: string;
  description?: string;
}

export interface AsyncApiRef {
  $ref: string;
}

export interface AsyncApiChannel {
  address: string;
  title: string;
  summary: string;
  description: string;
  messages: Record<string, AsyncApiRef>;
}

export interface AsyncApiOperation {
  action: 'receive';
  channel: AsyncApiRef;
  messages: AsyncApiRef[];
  summary: string;
  description: string;
  tags: AsyncApiTag[];
}

export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  correlationId: { description: string; location: string };
  headers: AsyncApiRef;
  payload: JsonSchema;
  examples: { name: string; summary: string; headers: Record<string, string>; payload: unknown }[];
}
