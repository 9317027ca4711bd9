export * from './rules';
export * from './explanations';
export * from './accreditation';
export * from './proxies';
export * from './silence';
export * from './division';
export * from './publication';
