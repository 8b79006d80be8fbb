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
import { Conv1D } from './convolutional/conv1d';
import { Conv2D } from './convolutional/conv2d';
import { Conv3D } from './convolutional/conv3d';
import { Conv1DTranspose } from './convolutional/conv1d-transpose';
import { Conv2DTranspose } from './convolutional/conv2d-transpose';
import { Conv3DTranspose } from './convolutional/conv3d-transpose';
import { DepthwiseConv1D } from './convolutional/depthwise-conv1d';
import { DepthwiseConv2D } from './convolutional/depthwise-conv2d';
import { SeparableConv1D } from './convolutional/separable-conv1d';
import { SeparableConv2D } from './convolutional/separable-conv2d';
import { MaxPooling1D } from './pooling/max-pooling1d';
import { MaxPooling2D } from './pooling/max-pooling2d';
import { MaxPooling3D } from './pooling/max-pooling3d';
import { AveragePooling1D } from './pooling/average-pooling1d';
import { AveragePooling2D } from './pooling/average-pooling2d';
import { AveragePooling3D } from './pooling/average-pooling3d';
import { GlobalMaxPooling1D } from './pooling/global-max-pooling1d';
import { GlobalMaxPooling2D } from './pooling/global-max-pooling2d';
import { GlobalMaxPooling3D } from './pooling/global-max-pooling3d';
import { GlobalAveragePooling1D } from './pooling/global-average-pooling1d';
import { GlobalAveragePooling2D } from './pooling/global-average-pooling2d';
import { GlobalAveragePooling3D } from './pooling/global-average-pooling3d';
import { SimpleRNNCell } from './rnn/simple-rnn-cell';
import { LSTMCell } from './rnn/lstm-cell';
import { GRUCell } from './rnn/gru-cell';
import { RNN } from './rnn/rnn';
import { SimpleRNN } from './rnn/simple-rnn';
import { LSTM } from './rnn/lstm';
import { GRU } from './rnn/gru';
import { Bidirectional } from './rnn/bidirectional';
import { TimeDistributed } from './rnn/time-distributed';
import { Attention } from './attention/attention';
import { AdditiveAttention } from './attention/additive-attention';
import { MultiHeadAttention } from './attention/multi-head-attention';
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
  Conv1D,
  Conv2D,
  Conv3D,
  Conv1DTranspose,
  Conv2DTranspose,
  Conv3DTranspose,
  DepthwiseConv1D,
  DepthwiseConv2D,
  SeparableConv1D,
  SeparableConv2D,
  MaxPooling1D,
  MaxPooling2D,
  MaxPooling3D,
  AveragePooling1D,
  AveragePooling2D,
  AveragePooling3D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
  GlobalMaxPooling3D,
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalAveragePooling3D,
  SimpleRNNCell,
  LSTMCell,
  GRUCell,
  RNN,
  SimpleRNN,
  LSTM,
  GRU,
  Bidirectional,
  TimeDistributed,
  Attention,
  AdditiveAttention,
  MultiHeadAttention,
] as const;
