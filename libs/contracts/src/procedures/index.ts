export * from './rules';
export * from './proxies';
