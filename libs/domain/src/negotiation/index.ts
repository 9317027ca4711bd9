export * from './passages';
export * from './bracket-choices';
export * from './clause-status';
