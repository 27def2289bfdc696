/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.build/'],
  collectCoverageFrom: ['src/**/*.ts', '!src/main.ts', '!src/post.ts'],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  // Checked only when coverage is collected (`npm test -- --coverage`, as CI runs it), so running one test file
  // without --coverage never fails on the threshold.
  coverageThreshold: { global: { lines: 85 } },
  testTimeout: 30000
}
