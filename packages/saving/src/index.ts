// @strata/saving: the public entry. Every export is listed by name.
export { saveModel, saveModelToBytes } from './lib/save-model';
export { loadModel, loadModelFromBytes } from './lib/load-model';
export type { LoadModelOptions } from './lib/load-model';
export { saveWeights, saveWeightsToBytes, loadWeights, loadWeightsFromBytes } from './lib/weights';
export type { LoadWeightsOptions } from './lib/weights';
export { loadTfjsModel } from './lib/tfjs-model';
export { KERAS_VERSION } from './lib/keras-archive';
export type { WarningHandler } from './lib/weights-file';
