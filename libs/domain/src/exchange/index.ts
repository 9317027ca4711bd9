export * from './word-content';
export * from './clause-references';
export * from './tracked-changes';
export * from './clause-recognition';
export * from './import-proposals';
export * from './comment-template';
export * from './accepted-draft';
