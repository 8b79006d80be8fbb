import { readFileSync } from 'fs';
import { join } from 'path';
import { grads } from '../autodiff';
import { Tensor, tensor } from '../tensor';
import { expectClose } from '../testing/check-gradients';
import { conv1d, conv2d, conv3d } from './conv';
import { depthwiseConv1d, depthwiseConv2d } from './conv-depthwise';
import { conv1dTranspose, conv2dTranspose, conv3dTranspose } from './conv-transpose';
import { avgPool1d, avgPool2d, avgPool3d, maxPool1d, maxPool2d, maxPool3d } from './pool';

// Written by tools/fixtures/tensor_conv.py from keras.ops (jax backend).
interface Encoded {
  shape: number[];
  data: number[];
}

interface Case {
  name: string;
  op: 'conv' | 'conv_transpose' | 'depthwise_conv' | 'max_pool' | 'average_pool';
  rank: number;
  args: Record<string, unknown>;
  x: Encoded;
  kernel?: Encoded;
  y: Encoded;
  cotangent?: Encoded;
  dx?: Encoded;
  dkernel?: Encoded;
}

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/conv.json'), 'utf8')) as {
  keras_version: string;
  cases: Case[];
};

type WithKernel = (x: Tensor, k: Tensor, o: never) => Tensor;
type Pool = (x: Tensor, o: never) => Tensor;

const OPS: Record<Case['op'], (WithKernel | Pool | undefined)[]> = {
  conv: [undefined, conv1d, conv2d, conv3d],
  conv_transpose: [undefined, conv1dTranspose, conv2dTranspose, conv3dTranspose],
  depthwise_conv: [undefined, depthwiseConv1d, depthwiseConv2d],
  max_pool: [undefined, maxPool1d, maxPool2d, maxPool3d],
  average_pool: [undefined, avgPool1d, avgPool2d, avgPool3d],
};

const decode = (e: Encoded) => tensor(e.data, e.shape);

function apply(c: Case): (...xs: Tensor[]) => Tensor {
  const op = OPS[c.op][c.rank];
  if (!op) throw new Error(`no op for ${c.op} rank ${c.rank}`);
  const options = c.args as never;
  return c.kernel ? (x, k) => (op as WithKernel)(x, k, options) : (x) => (op as Pool)(x, options);
}

describe(`Keras ${fixture.keras_version} convolution and pooling fixtures`, () => {
  it('covers every op family', () => {
    expect(new Set(fixture.cases.map((c) => c.op)).size).toBe(5);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: forward', (_name, c) => {
    const inputs = c.kernel ? [decode(c.x), decode(c.kernel)] : [decode(c.x)];
    expectClose(apply(c)(...inputs), decode(c.y), 1e-4, 1e-5);
  });

  const withGrads = fixture.cases.filter((c) => c.cotangent);
  it.each(withGrads.map((c) => [c.name, c] as const))('%s: gradients', (_name, c) => {
    const inputs = c.kernel ? [decode(c.x), decode(c.kernel)] : [decode(c.x)];
    const got = grads(apply(c))(inputs, decode(c.cotangent as Encoded));
    expectClose(got[0], decode(c.dx as Encoded), 1e-4, 1e-5, 'dx');
    if (c.dkernel) expectClose(got[1], decode(c.dkernel), 1e-4, 1e-5, 'dkernel');
  });
});
