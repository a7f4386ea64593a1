/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/unit', '<rootDir>/test/integration'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  maxWorkers: 2,
  // A worker that has run many suites holds a heap of 400+ MB (ts-jest's module registries); tearing
  // that down took longer than jest-worker's 500 ms exit window ("A worker process has failed to
  // exit gracefully"), although no handle or timer was left (checked after every suite with
  // process.getActiveResourcesInfo()). Workers above this size are replaced between suites.
  workerIdleMemoryLimit: '400MB',
};
