import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface Fixture {
  case: string;
  filePath: string;
  code: string;
  /** The rule expected to fire (error unless said), or null when the file must pass. */
  fires: string | null;
  severity?: 1 | 2;
}

const longFile = Array.from({ length: 301 }, (_, i) => `export const line${i} = ${i};`).join('\n');

const fixtures: Fixture[] = [
  { case: 'a service imports another service', filePath: 'services/gateway/src/fixture.ts', code: "import { x } from '@openday/vetting';\nexport const y = x;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: "a service reaches into another's sources by path", filePath: 'services/gateway/src/fixture.ts', code: "import { x } from '../../vetting/src/main';\nexport const y = x;\n", fires: 'import-x/no-relative-packages' },
  { case: 'a library imports a service', filePath: 'libs/platform/src/fixture.ts', code: "import { x } from '@openday/registration/src/main';\nexport const y = x;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: 'libs/domain imports NestJS', filePath: 'libs/domain/src/fixture.ts', code: "import { Injectable } from '@nestjs/common';\nexport const y = Injectable;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: "a service's rule file imports TypeORM", filePath: 'services/vetting/src/selection/fixture-rules.ts', code: "import { DataSource } from 'typeorm';\nexport const y = DataSource;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: 'a rule file throws an HTTP exception', filePath: 'services/vetting/src/selection/fixture-rules.ts', code: "class BadRequestException extends Error {}\nexport function check(): void {\n  throw new BadRequestException('no');\n}\n", fires: 'no-restricted-syntax' },
  { case: 'the portal imports contracts at run time', filePath: 'services/web/src/fixture.ts', code: "import { ApplicationSubmittedV1 } from '@openday/contracts';\nexport const y = ApplicationSubmittedV1;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: 'the portal imports the platform', filePath: 'services/web/src/fixture.ts', code: "import { RpcClient } from '@openday/platform';\nexport const y = RpcClient;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: "an end-to-end test imports a service's sources", filePath: 'e2e/src/fixture.ts', code: "import { x } from '../../services/gateway/src/main';\nexport const y = x;\n", fires: 'import-x/no-relative-packages' },
  { case: 'an end-to-end suite imports a project its tags do not say it tests', filePath: 'e2e/src/fixture.ts', code: "import { menuFor } from '@openday/web/src/console/shell/menu';\nexport const y = menuFor;\n", fires: '@typescript-eslint/no-restricted-imports' },
  { case: 'the browser tests reach into the portal by relative path', filePath: 'e2e-portal/src/fixture.ts', code: "import en from '../../services/web/src/i18n/locales/en.json';\nexport const y = en;\n", fires: 'import-x/no-relative-packages' },
  { case: 'a file over 300 lines', filePath: 'libs/platform/src/fixture.ts', code: `${longFile}\n`, fires: 'max-lines', severity: 1 },
  { case: 'a service imports the shared libraries', filePath: 'services/gateway/src/fixture.ts', code: "import { maskMobile } from '@openday/domain';\nimport { ProblemException } from '@openday/platform';\nexport const y = [maskMobile, ProblemException];\n", fires: null },
  { case: 'the portal imports contract types and shared rules', filePath: 'services/web/src/fixture.ts', code: "import type { ApplicationView } from '@openday/contracts';\nimport { maskMobile } from '@openday/domain/identity';\nexport const y = (view: ApplicationView) => [view, maskMobile];\n", fires: null },
  { case: 'the browser tests import the portal they test (tests:@openday/web), by package name', filePath: 'e2e-portal/src/fixture.ts', code: "import { menuFor } from '@openday/web/src/console/shell/menu';\nimport { DEMO_PASSWORD } from '@openday/testing';\nexport const y = [menuFor, DEMO_PASSWORD];\n", fires: null },
  { case: 'a rule file that returns its refusal', filePath: 'services/vetting/src/selection/fixture-rules.ts', code: "export function check(n: number): { ok: true } | { ok: false; reason: string } {\n  return n > 0 ? { ok: true } : { ok: false, reason: 'positive' };\n}\n", fires: null },
];

function lint(cases: Fixture[]): Array<Array<{ rule: string | null; severity: number; message: string }>> {
  const script = join(__dirname, '..', 'lint-fixtures.mjs');
  const input = JSON.stringify(cases.map(({ filePath, code }) => ({ filePath, code })));
  return JSON.parse(execFileSync(process.execPath, [script, input], { encoding: 'utf8', timeout: 120_000 }));
}

describe('the workspace lint rules', () => {
  let results: ReturnType<typeof lint>;
  beforeAll(() => {
    results = lint(fixtures);
  }, 150_000);

  it.each(fixtures.map((fixture, index) => [fixture.case, index] as const))('%s', (_name, index) => {
    const fixture = fixtures[index];
    const fired = results[index];
    if (fixture.fires === null) {
      expect(fired.filter((message) => message.severity === 2)).toEqual([]);
    } else {
      expect(fired).toContainEqual(expect.objectContaining({ rule: fixture.fires, severity: fixture.severity ?? 2 }));
    }
  });
});
