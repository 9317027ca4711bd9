export * from './identity/stakeholders';
export * from './identity/affiliation-snapshot';
export * from './audit/canonical-json';
export * from './audit/audit-event';
export * from './audit/hash-chain';
export * from './working-groups';
export * from './decisions';
export * from './drafting';
