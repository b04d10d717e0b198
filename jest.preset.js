// Shared jest setup: swc compiles TypeScript (with decorator metadata for Nest)
// and also the ESM-only @nestjs packages, which jest 30 cannot require on Node 20.
const path = require('node:path');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  // Integration tests share 2 cores with a whole suite: 5 s (jest's default) fails a sound test under load.
  testTimeout: 30_000,
  transform: { '^.+\\.(t|j|mj)s$': swcTransform },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    // Dynamic import() needs the .js extension in CommonJS output; jest resolves the .ts source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@openday/(contracts|domain|messaging|platform|testing)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  reporters: ['default', path.join(__dirname, 'scripts/jest-summary-reporter.js')],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
};
