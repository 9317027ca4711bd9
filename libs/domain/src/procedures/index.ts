export * from './rules';
export * from './division';
export * from './voting-order';
export * from './last-call';
