module.exports = {
  ...require('../jest.preset.js'),
  displayName: require('./package.json').name,
  testTimeout: 60_000,
  // The suites start whole platforms; one at a time keeps a 2-core machine responsive.
  maxWorkers: 1,
};
