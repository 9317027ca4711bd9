export * from './vocabulary';
export * from './requests';
export * from './views';
