import { readFileSync } from 'node:fs';
import { eventCatalog } from '../catalog';
import { ASYNCAPI_FILE, renderAsyncApiJson } from './asyncapi-file';
import { buildAsyncApiDocument } from './build-asyncapi-document';

describe('committed asyncapi.json', () => {
  it('is what the catalog generates today', () => {
    const fresh = renderAsyncApiJson(buildAsyncApiDocument(eventCatalog));
    const committed = readFileSync(ASYNCAPI_FILE, 'utf8');
    if (committed !== fresh) {
      throw new Error(
        'libs/contracts/asyncapi.json is out of date with the event catalog: ' +
          'run `npm run asyncapi -w @openday/contracts` and commit the result.',
      );
    }
  });
});
