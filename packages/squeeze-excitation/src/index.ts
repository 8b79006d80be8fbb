// @strata/squeeze-excitation: the public entry. Every export is listed by name.
export { SqueezeExcitation } from './lib/squeeze-excitation';
export type { SqueezeExcitationArgs } from './lib/squeeze-excitation';
export { REGISTERED_PACKAGE, register } from './lib/register';
