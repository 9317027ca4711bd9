export * from './domain-shapes';
export * from './refs';
export * from './ballot-result';
export * from './routes';
export * from './problem';
