// One jest run, several projects: pure unit tests run in parallel; API, socket and browser tests
// share one embedded PostgreSQL started in globalSetup (each test file gets its own database).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs', ignoreDynamic: true } }];
const moduleNameMapper = {
  '^@parley/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@parley/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@parley/migrations$': '<rootDir>/migrations/index.ts',
};
// test-output/ holds what tests write, copies of the checkout among them (npm-start-private-folder).
// ESM-only packages jest must compile to CommonJS (pg-boss 12, openid-client 6, oidc-provider 9, otplib 13 and what they import).
const esmOnly = ['pg-boss', 'rrule-temporal', 'serialize-error', 'non-error', 'temporal-spec', 'openid-client', 'oauth4webapi', 'jose', 'oidc-provider', 'otplib', '@otplib', '@scure', '@noble', 'nanoid'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const base = { rootDir: __dirname, transform: { '^.+\\.(t|j)sx?$': swc }, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/test-output/'] };

module.exports = {
  // Global (jest ignores it per project): API and browser files boot the real app on their own
  // database, which takes more than jest's default 5 s on two busy cores.
  testTimeout: 60_000,
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
      // The web's lazy chunks (import()) load as plain requires under jest's CommonJS.
      transform: { '^.+\\.(t|j)sx?$': [swc[0], { ...swc[1], module: { type: 'commonjs', ignoreDynamic: false } }] },
      moduleNameMapper: { ...moduleNameMapper, '\\.css$': '<rootDir>/apps/web/jest.style-stub.js' },
    },
    { ...base, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
    // nginx, two built API instances, Redis and Chromium: docker/'s topology run natively (decision 0058).
    { ...base, displayName: 'topology', testMatch: ['<rootDir>/tests/topology/**/*.test.ts'] },
  ],
};
