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

import { Add } from './merging/add';
import { Subtract } from './merging/subtract';
import { Multiply } from './merging/multiply';
import { Average } from './merging/average';
import { Maximum } from './merging/maximum';
import { Minimum } from './merging/minimum';
import { Concatenate } from './merging/concatenate';
import { Dot } from './merging/dot';
import { ReLU } from './activations/relu';
import { LeakyReLU } from './activations/leaky-relu';
import { PReLU } from './activations/prelu';
import { ELU } from './activations/elu';
import { Softmax } from './activations/softmax';
import { GaussianNoise } from './regularization/gaussian-noise';
import { GaussianDropout } from './regularization/gaussian-dropout';
import { AlphaDropout } from './regularization/alpha-dropout';
import { ZeroPadding1D } from './reshaping/zero-padding1d';
import { ZeroPadding2D } from './reshaping/zero-padding2d';
import { ZeroPadding3D } from './reshaping/zero-padding3d';
import { Cropping1D } from './reshaping/cropping1d';
import { Cropping2D } from './reshaping/cropping2d';
import { Cropping3D } from './reshaping/cropping3d';
import { UpSampling1D } from './reshaping/up-sampling1d';
import { UpSampling2D } from './reshaping/up-sampling2d';
import { UpSampling3D } from './reshaping/up-sampling3d';
import { BatchNormalization } from './normalization/batch-normalization';
import { LayerNormalization } from './normalization/layer-normalization';
import { GroupNormalization } from './normalization/group-normalization';
import { UnitNormalization } from './normalization/unit-normalization';
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
  Add,
  Subtract,
  Multiply,
  Average,
  Maximum,
  Minimum,
  Concatenate,
  Dot,
  ReLU,
  LeakyReLU,
  PReLU,
  ELU,
  Softmax,
  GaussianNoise,
  GaussianDropout,
  AlphaDropout,
  ZeroPadding1D,
  ZeroPadding2D,
  ZeroPadding3D,
  Cropping1D,
  Cropping2D,
  Cropping3D,
  UpSampling1D,
  UpSampling2D,
  UpSampling3D,
  BatchNormalization,
  LayerNormalization,
  GroupNormalization,
  UnitNormalization,
] as const;
