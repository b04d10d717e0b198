import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { projectBoundaries } from './tools/lint/project-boundaries.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/*.js',
      '**/*.mjs',
      // Generated from services/gateway/openapi.json (openapi-typescript); a test checks each against it.
      'libs/contracts/src/http/gateway-api.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.base.json` })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'error',
      // No relative import reaches into another project: it goes through the project's package name,
      // which the boundaries below allow or refuse (tools/lint/README.md).
      'import-x/no-relative-packages': 'error',
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The portal: React's rules of hooks (and the compiler-era checks) on its components.
    files: ['services/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Every refusal is an entry of the problem catalogue (libs/contracts/src/problems), thrown with problem(code, …).
    files: ['services/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/platform/src/problem/**', '**/*.spec.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='ProblemException']",
          message: 'Throw problem(code, { detail }) from @openday/platform: every refusal is an entry of the problem catalogue (libs/contracts/src/problems).',
        },
      ],
    },
  },
  // Which project may import which (from the Nx tags), and framework-free domain rules.
  ...projectBoundaries(ROOT),
);
