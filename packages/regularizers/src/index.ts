// @strata/regularizers: the public entry. Every export is listed by name.
export { Regularizer, validateFloatArg } from './lib/regularizer';
export { L1 } from './lib/l1';
export type { L1Options } from './lib/l1';
export { L2 } from './lib/l2';
export type { L2Options } from './lib/l2';
export { L1L2 } from './lib/l1-l2';
export type { L1L2Options } from './lib/l1-l2';
export { OrthogonalRegularizer } from './lib/orthogonal-regularizer';
export type { OrthogonalRegularizerOptions } from './lib/orthogonal-regularizer';
export { get, serialize, deserialize, register, names } from './lib/registry';
export type { RegularizerIdentifier, RegularizerClass } from './lib/registry';
