import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// gateway-api.ts is generated from the gateway's committed OpenAPI document; when the API moves on
// and nobody ran `npm run generate:api -w @openday/contracts`, the portal's and the e2e client's types would lie about the API.
describe('src/http/gateway-api.ts', () => {
  it('is what openapi-typescript makes of services/gateway/openapi.json', () => {
    const libRoot = join(__dirname, '..', '..');
    const generated = execFileSync(process.execPath, [openapiTypescriptCli(libRoot), '../../services/gateway/openapi.json'], {
      cwd: libRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const committed = readFileSync(join(__dirname, 'gateway-api.ts'), 'utf8');
    expect(committed === generated ? 'up to date' : 'stale: run npm run generate:api -w @openday/contracts').toBe('up to date');
  }, 60_000);
});

/** The CLI npm linked for this workspace, or for the whole repository when it was hoisted. */
function openapiTypescriptCli(libRoot: string): string {
  const candidates = [join(libRoot, 'node_modules/.bin/openapi-typescript'), join(libRoot, '../../node_modules/.bin/openapi-typescript')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('openapi-typescript is not installed: run npm install');
  return found;
}
