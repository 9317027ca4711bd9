export * from './types';
export * from './speaking-time';
export * from './quorum';
export * from './floor-queue';
export * from './report';
