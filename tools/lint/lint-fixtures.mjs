// Lints each fixture as if it were a file at the given path in the workspace, with the
// workspace's own eslint.config.mjs, and prints the rule ids that fired, as JSON.
// Run in its own process (ESLint loads its config with import(), which jest's sandbox cannot).
import { ESLint } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = JSON.parse(process.argv[2]);
const eslint = new ESLint({ cwd: ROOT });
const fired = [];
for (const { filePath, code } of fixtures) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  fired.push(result.messages.map((message) => ({ rule: message.ruleId, severity: message.severity, message: message.message })));
}
process.stdout.write(JSON.stringify(fired));
