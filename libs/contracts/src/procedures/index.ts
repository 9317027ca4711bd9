export * from './rules';
export * from './publication';
