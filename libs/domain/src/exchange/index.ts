export * from './word-content';
export * from './clause-references';
export * from './comment-template';
