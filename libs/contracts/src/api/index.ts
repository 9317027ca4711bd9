export * from './domain-shapes';
export * from './refs';
export * from './ballot-result';
