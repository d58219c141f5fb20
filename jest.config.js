/** Jest runs TypeScript through SWC (transpile only); `npm test` type-checks once with tsc first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  maxWorkers: 2,
};
