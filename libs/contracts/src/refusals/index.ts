export * from './problem-types';
export { spec, field, PROBLEM_TYPE_OF_STATUS, type RefusalStatus, type RefusalParams, type RefusalParamValue, type NoParams, type RefusalSpec, type FieldErrorSpec } from './define';
export * from './catalogue';
export * from './field-errors';
export * from './problem';
export { NOT_FOUND_RESOURCES, type NotFoundResource } from './platform';
export type { AmendmentAct } from './drafting';
export { DRAFTING_REFUSALS } from './drafting';
