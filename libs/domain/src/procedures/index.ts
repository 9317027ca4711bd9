export * from './rules';
export * from './silence';
