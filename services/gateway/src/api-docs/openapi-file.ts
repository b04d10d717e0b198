import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { GatewayConfig } from '../gateway.config';
import { GatewayModule } from '../gateway.module';
import { buildApiDocument } from './api-docs';

/** services/gateway/openapi.json, reached the same way from src/api-docs (tests) and dist/api-docs (CLI). */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

/**
 * The document without PostgreSQL or NATS: Nest's preview mode builds the
 * module graph and the routes but instantiates no provider, so nothing
 * connects. The defaults of GatewayConfig are enough; no value of it shapes the document.
 */
export async function generateApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(GatewayModule.forRoot(new GatewayConfig()), { preview: true, logger: false, abortOnError: false });
  try {
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Keys sorted at every level, so the file changes only when the API does, not when modules are imported in another order. */
export function renderOpenApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
