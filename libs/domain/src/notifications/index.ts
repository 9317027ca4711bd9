export * from './kinds';
export * from './mentions';
export * from './recipients';
export * from './rules';
export * from './name-search';
