/** Regenerates libs/contracts/asyncapi.json: `npm run asyncapi -w @openday/contracts`. */
import { writeFileSync } from 'node:fs';
import { eventCatalog } from '../catalog';
import { ASYNCAPI_FILE, renderAsyncApiJson } from './asyncapi-file';
import { buildAsyncApiDocument } from './build-asyncapi-document';

writeFileSync(ASYNCAPI_FILE, renderAsyncApiJson(buildAsyncApiDocument(eventCatalog)));
process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
