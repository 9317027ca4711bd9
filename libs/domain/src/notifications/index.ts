export * from './kinds';
export * from './mentions';
export * from './name-search';
