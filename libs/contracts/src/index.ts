export * from './common';
export * from './identity';
export * from './audit';
export * from './working-groups';
export * from './decisions';
export * from './drafting';
export * from './realtime';
