export * from './rules';
export * from './division';
