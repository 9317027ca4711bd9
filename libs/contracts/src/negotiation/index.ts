export * from './brackets';
