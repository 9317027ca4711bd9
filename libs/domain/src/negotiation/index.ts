export * from './passages';
export * from './bracket-choices';
