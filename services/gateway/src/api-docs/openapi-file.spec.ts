import { readFileSync } from 'node:fs';
import { generateApiDocument, OPENAPI_FILE, renderOpenApiJson } from './openapi-file';

describe('committed openapi.json', () => {
  it('is what the gateway generates today', async () => {
    const fresh = renderOpenApiJson(await generateApiDocument());
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (committed !== fresh) {
      throw new Error(
        'services/gateway/openapi.json is out of date with the gateway: ' +
          'run `npm run openapi -w @openday/gateway` and commit the result.',
      );
    }
  });
});
