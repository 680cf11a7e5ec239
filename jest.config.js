/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // type checking runs once in `npm run typecheck`; tests only transpile
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/stubs/style.js',
    // flatbush exports only its ES module; Jest (CommonJS) loads its UMD build instead
    '^flatbush$': '<rootDir>/node_modules/flatbush/flatbush.js',
  },
  // one scratch folder per run, where test/e2e/harness.ts builds the web pages once for all files
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120000,
};
