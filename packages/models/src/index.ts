// @strata/models: the public entry. Every export is listed by name.
export { Model } from './lib/model';
export type { ModelArgs, TensorStructure } from './lib/model';
export { Sequential } from './lib/sequential';
export type { SequentialArgs } from './lib/sequential';
export { mapGraph } from './lib/graph';
export type { Graph } from './lib/graph';
export type { CompileArgs, Compiled } from './lib/training/compile';
export type { FitArgs, EvaluateArgs } from './lib/training/fit';
export type { DataLike } from './lib/training/data';
export { Callback, CallbackList } from './lib/callbacks/callback';
export type { Logs, CallbackParams } from './lib/callbacks/callback';
export { History } from './lib/callbacks/history';
export { ProgbarLogger, formatLogs } from './lib/callbacks/progbar-logger';
export type { ProgressStream } from './lib/callbacks/progbar-logger';
export { modelToJSON } from './lib/to-json';
export { modelFromJSON } from './lib/from-json';
export type { FromJSONOptions } from './lib/from-json';
