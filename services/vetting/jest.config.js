module.exports = {
  ...require('../../jest.preset.js'),
  displayName: require('./package.json').name,
  // No domain code here yet; its start-up, readiness and shutdown are tested end-to-end (e2e/).
  passWithNoTests: true,
};
