export * from './rules';
export * from './explanations';
