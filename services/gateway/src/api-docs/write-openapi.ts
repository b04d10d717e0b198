/** Regenerates services/gateway/openapi.json: `npm run openapi -w @openday/gateway`. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { generateApiDocument, OPENAPI_FILE, renderOpenApiJson } from './openapi-file';

void generateApiDocument().then(
  (document) => {
    writeFileSync(OPENAPI_FILE, renderOpenApiJson(document));
    process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
