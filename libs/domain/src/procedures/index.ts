export * from './rules';
export * from './accreditation';
