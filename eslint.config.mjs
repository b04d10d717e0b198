import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'error',
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
);
