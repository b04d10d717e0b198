// Which project may import which, derived from the Nx tags in each project's package.json
// ("nx": { "tags": [...] }), plus the purity rule for domain rules. eslint.config.mjs applies it;
// tools/lint/src/project-boundaries.test.ts proves every rule fires.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** What a project of each type may import from the workspace, by tag. */
export const MAY_DEPEND_ON = Object.freeze({
  'type:service': ['type:lib'],
  'type:lib': ['type:lib'],
  // The portal shares the framework-free rules (the same checks in the browser as on the server);
  // contracts it may import as types only (below): its runtime holds validators and schemas.
  'type:web': ['purity:framework-free'],
  'type:e2e': ['type:lib'],
  'type:tool': ['type:lib'],
});

/**
 * An end-to-end project may also import what it tests, named in its tags as `tests:<package name>`
 * (the browser tests read the portal's words and menu; the e2e suite tests npm start's supervisor),
 * by package name: a relative path into another project stays an error (import-x/no-relative-packages).
 */
const TESTS_TAG = 'tests:';

/** Imported as types only: their shapes are shared, their runtime is not. */
const TYPES_ONLY = Object.freeze({ 'type:web': ['@openday/contracts'] });

/** What a domain rule never imports: it returns results and leaves transport and storage to the service. */
export const FRAMEWORKS = Object.freeze([
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  '@nats-io/*',
  'pg',
  'express',
  '@openday/platform',
  '@openday/messaging',
]);

/** Files that hold domain rules: all of libs/domain, and every *-rules.ts. */
export const RULE_FILES = Object.freeze(['libs/domain/src/**/*.ts', '**/*-rules.ts']);

const THROWN_PROBLEM = {
  selector: 'ThrowStatement > NewExpression[callee.name=/(Exception|Problem)$/]',
  message: 'A domain rule returns its refusal as a result; the service turns it into a problem (HTTP or RPC).',
};

/** The workspace's projects: { name, root, tags } from the root package.json's workspaces. */
export function workspaceProjects(rootDir) {
  const { workspaces } = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => expand(rootDir, pattern)).map((root) => {
    const pkg = JSON.parse(readFileSync(join(rootDir, root, 'package.json'), 'utf8'));
    return { name: pkg.name, root, tags: pkg.nx?.tags ?? [] };
  });
}

function expand(rootDir, pattern) {
  if (!pattern.endsWith('/*')) return [pattern];
  const parent = pattern.slice(0, -2);
  return readdirSync(join(rootDir, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(rootDir, parent, entry.name, 'package.json')))
    .map((entry) => `${parent}/${entry.name}`);
}

function typeOf(project) {
  const types = project.tags.filter((tag) => tag.startsWith('type:'));
  if (types.length !== 1 || !(types[0] in MAY_DEPEND_ON)) {
    throw new Error(`${project.name} (${project.root}/package.json) needs exactly one nx tag of ${Object.keys(MAY_DEPEND_ON).join(', ')}`);
  }
  return types[0];
}

/** The no-restricted-imports options of one project: every workspace project its type may not import. */
export function importRestrictions(project, projects) {
  const type = typeOf(project);
  const allowedTags = MAY_DEPEND_ON[type];
  const typesOnly = TYPES_ONLY[type] ?? [];
  const tested = type === 'type:e2e' ? project.tags.filter((tag) => tag.startsWith(TESTS_TAG)).map((tag) => tag.slice(TESTS_TAG.length)) : [];
  const forbidden = projects.filter(
    (other) =>
      other.name !== project.name && !typesOnly.includes(other.name) && !tested.includes(other.name) && !other.tags.some((tag) => allowedTags.includes(tag)),
  );
  return {
    paths: typesOnly.map((name) => ({ name, allowTypeImports: true, message: `${type} imports ${name} as types only (import type …).` })),
    patterns: forbidden.map((other) => ({
      group: [other.name, `${other.name}/*`],
      message: `${project.name} (${type}) may not import ${other.name} (${typeOf(other)}): a ${type} imports only ${allowedTags.join(', ') || 'nothing from the workspace'}.`,
    })),
  };
}

function withFrameworksForbidden(restrictions) {
  return {
    ...restrictions,
    patterns: [
      ...restrictions.patterns,
      { group: [...FRAMEWORKS], message: 'A domain rule is a plain function: no NestJS, TypeORM, NATS or platform code in it.' },
    ],
  };
}

/** Flat-config entries: each project's import restrictions, stricter in its rule files. */
export function projectBoundaries(rootDir) {
  const projects = workspaceProjects(rootDir);
  return projects.flatMap((project) => {
    const restrictions = importRestrictions(project, projects);
    const ruleFiles = RULE_FILES.map((glob) => (glob.startsWith('**/') ? `${project.root}/${glob}` : glob)).filter((glob) =>
      glob.startsWith(`${project.root}/`),
    );
    return [
      { files: [`${project.root}/**/*.{ts,tsx}`], rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions] } },
      {
        files: ruleFiles,
        ignores: ['**/*.spec.ts', '**/*.test.ts'],
        rules: {
          '@typescript-eslint/no-restricted-imports': ['error', withFrameworksForbidden(restrictions)],
          'no-restricted-syntax': ['error', THROWN_PROBLEM],
        },
      },
    ];
  });
}
