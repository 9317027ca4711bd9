export * from './word-content';
export * from './clause-references';
