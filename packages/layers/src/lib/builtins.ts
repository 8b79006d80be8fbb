import { Dense } from './core/dense';
import { InputLayer } from './core/input-layer';
import { Activation } from './core/activation';
import { ActivityRegularization } from './core/activity-regularization';
import { Dropout } from './core/dropout';
import { Flatten } from './core/flatten';
import { Identity } from './core/identity';
import { Permute } from './core/permute';
import { RepeatVector } from './core/repeat-vector';
import { Reshape } from './core/reshape';
import { SpatialDropout1D } from './core/spatial-dropout1d';
import { SpatialDropout2D } from './core/spatial-dropout2d';
import { SpatialDropout3D } from './core/spatial-dropout3d';
import { Embedding } from './core/embedding';
import { Masking } from './core/masking';
import { Lambda } from './core/lambda';

/** Every built-in layer class, listed explicitly: nothing registers itself on import. */
export const BUILTIN_LAYERS = [
  InputLayer,
  Dense,
  Activation,
  ActivityRegularization,
  Dropout,
  Flatten,
  Identity,
  Permute,
  RepeatVector,
  Reshape,
  SpatialDropout1D,
  SpatialDropout2D,
  SpatialDropout3D,
  Embedding,
  Masking,
  Lambda,
] as const;
