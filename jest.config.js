/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/unit', '<rootDir>/test/integration'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  maxWorkers: 2,
  // Every file starts with a full GC in its worker (see the file): a worker whose heap had grown
  // to 600+ MB of garbage took longer than jest-worker's 500 ms window to exit at the end of the run.
  setupFiles: ['<rootDir>/test/support/collectGarbage.ts'],
};
