export * from './clause-status';
