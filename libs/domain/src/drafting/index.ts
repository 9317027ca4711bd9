export * from './types';
export * from './numbering';
export * from './word-diff';
export * from './compare-versions';
export * from './consolidate';
export * from './outdated';
export * from './provenance';
export * from './paste';
