import { join } from 'node:path';
import type { AsyncApiDocument } from './asyncapi-document';

/** libs/contracts/asyncapi.json, reached the same way from src/asyncapi (tests) and dist/asyncapi (CLI). */
export const ASYNCAPI_FILE = join(__dirname, '..', '..', 'asyncapi.json');

export function renderAsyncApiJson(document: AsyncApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
