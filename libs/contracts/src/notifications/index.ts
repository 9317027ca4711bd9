export * from './views';
export * from './sentences';
