/** Jest runs TypeScript through SWC (transpile only); `npm test` type-checks once with tsc first. */
// Adoption tests synthesize import blocks, for which cdktf runs `terraform version`: no checkpoint call each time.
process.env.CHECKPOINT_DISABLE ??= '1';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  maxWorkers: 2,
};
