// @strata/layers/testing: the contract check every layer, a plugin's included, runs in its tests.
export { checkLayerContract } from './lib/testing/check-layer-contract';
export type { LayerContractOptions } from './lib/testing/check-layer-contract';
