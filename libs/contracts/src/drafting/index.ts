export * from './vocabulary';
export * from './requests';
export * from './actors';
export * from './amendment-status';
export * from './documents';
export * from './comments';
export * from './amendments';
export * from './provenance';
