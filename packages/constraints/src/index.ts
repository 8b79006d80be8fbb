// @strata/constraints: the public entry. Every export is listed by name.
export { Constraint, EPSILON } from './lib/constraint';
export type { ConstraintAxis } from './lib/constraint';
export { MaxNorm } from './lib/max-norm';
export type { MaxNormOptions } from './lib/max-norm';
export { NonNeg } from './lib/non-neg';
export { UnitNorm } from './lib/unit-norm';
export type { UnitNormOptions } from './lib/unit-norm';
export { MinMaxNorm } from './lib/min-max-norm';
export type { MinMaxNormOptions } from './lib/min-max-norm';
export { get, serialize, deserialize, register, names } from './lib/registry';
export type { ConstraintIdentifier, ConstraintClass } from './lib/registry';
