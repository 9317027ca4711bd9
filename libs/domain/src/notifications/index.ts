export * from './kinds';
export * from './mentions';
