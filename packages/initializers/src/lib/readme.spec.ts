// The README's example, run as written, with what its comments promise checked.
import { HeUniform, Orthogonal, deserialize, get, serialize, VarianceScaling, GlorotUniform } from '../index';

describe('README example', () => {
  it('runs and does what the comments say', () => {
    const w = new HeUniform({ seed: 1 }).apply([3, 4]); // uniform on ±sqrt(6 / 3), the same every call
    const k = get('glorot_uniform').apply([3, 3, 16, 32]); // a conv kernel
    const q = new Orthogonal({ gain: 2 }).apply([64, 64]); // qᵀq = 4·I

    expect(w.shape).toEqual([3, 4]);
    for (const v of w.data) expect(Math.abs(v)).toBeLessThan(Math.sqrt(2));
    expect(new HeUniform({ seed: 1 }).apply([3, 4]).data).toEqual(w.data);
    expect(get('glorot_uniform')).toBeInstanceOf(GlorotUniform);
    expect(k.shape).toEqual([3, 3, 16, 32]);
    let diag = 0;
    for (let i = 0; i < 64; i++) diag += q.data[i] ** 2; // first column's squared norm
    expect(diag).toBeCloseTo(4, 4);

    expect(serialize(new HeUniform({ seed: 1 }))).toEqual({
      module: 'keras.initializers',
      class_name: 'HeUniform',
      config: { seed: 1, input_axes: null, output_axes: null },
      registered_name: null,
    });
    const vs = deserialize({ class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_out', distribution: 'uniform' } });
    expect(vs).toBeInstanceOf(VarianceScaling);
    expect((vs as VarianceScaling).mode).toBe('fan_out');
  });
});
