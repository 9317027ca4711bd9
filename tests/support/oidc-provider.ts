// The test OpenID Connect providers and browser live beside the benchmarks (tests/load/support), which
// are compiled on their own into dist/bench; the API and browser tests take them from here.
export * from '../load/support/oidc-provider';
