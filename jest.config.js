// One jest run, several projects: pure unit tests run in parallel; API, socket and browser tests
// share one embedded PostgreSQL started in globalSetup (each test file gets its own database).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs', ignoreDynamic: true } }];
const moduleNameMapper = {
  '^@parley/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@parley/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@parley/migrations$': '<rootDir>/migrations/index.ts',
};
const base = { rootDir: __dirname, transform: { '^.+\\.(t|j)sx?$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/libs/*/src/**/*.test.ts'] },
    {
      ...base,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.test.tsx', '<rootDir>/apps/web/src/**/*.test.ts'],
      setupFiles: ['<rootDir>/apps/web/jest.setup.js'],
      moduleNameMapper: { ...moduleNameMapper, '\\.css$': '<rootDir>/apps/web/jest.style-stub.js' },
    },
    // Each API/browser file boots the real app on its own database: hooks need more than jest's 5 s on 2 busy cores.
    { ...base, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'], testTimeout: 60_000 },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], testTimeout: 120_000 },
  ],
};
