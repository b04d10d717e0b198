// Unit tests for the portal's plain functions (no DOM): the repo's preset, plus the
// domain modules the browser shares with the services (see vite.config.ts).
const path = require('node:path');
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: require('./package.json').name,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@openday/domain/(identity|text|calendar|plans|selection|admission|access)$': path.join(__dirname, '../../libs/domain/src/$1/index.ts'),
  },
};
