// Tests run as CommonJS through SWC (fast, no type-check); `npm run typecheck` checks the types.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Source files import siblings as `./x.js` (NodeNext ESM); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
