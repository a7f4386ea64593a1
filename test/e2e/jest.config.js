/* global module */
/**
 * End-to-end suite: the Agents Playground in headless Chromium against the bot in embedded mode.
 * Run with `npm run test:e2e` (scripts/e2e.sh builds first). Not part of `npm test`, whose jest
 * roots are test/unit and test/integration.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Per step; every wait inside a step has its own shorter timeout, and the suite a hard overall one.
  testTimeout: 120000,
  maxWorkers: 1,
  verbose: true,
};
