import fc from 'fast-check';
import { Tensor, ValueError, mul, tensor } from '@strata/tensor';
import { hardSwish, leakyRelu, linear, relu, silu, softmax, swish } from '../index';
import { activationNames, deserialize, get, register, serialize } from './registry';

describe('get', () => {
  test('snake_case and camelCase names, and the Keras aliases', () => {
    expect(get('relu')).toBe(relu);
    expect(get('leaky_relu')).toBe(leakyRelu);
    expect(get('leakyRelu')).toBe(leakyRelu);
    expect(get('swish')).toBe(silu);
    expect(get('hard_swish')).toBe(hardSwish);
    expect(get('hardSwish')).toBe(hardSwish);
  });

  test('null and undefined give linear, as keras.activations.get(None)', () => {
    expect(get(null)).toBe(linear);
    expect(get(undefined)).toBe(linear);
  });

  test('a function is returned as is', () => {
    const f = (x: Tensor) => mul(x, 3);
    expect(get(f)).toBe(f);
  });

  test('a Keras function config', () => {
    expect(get({ module: 'builtins', class_name: 'function', config: 'softmax', registered_name: 'function' })).toBe(softmax);
  });

  test.each([['LeakyReLU'], ['ReLU'], ['Relu'], ['RELU'], ['leaky-relu'], ['']])(
    'rejects %j (Keras does too), listing the valid names',
    (name) => {
      expect(() => get(name)).toThrow(ValueError);
      expect(() => get(name)).toThrow(`Unknown activation: received '${name}'. Valid names: celu, elu, exponential,`);
      expect(() => get(name)).toThrow(/hard_swish, .*swish, tanh, tanh_shrink, threshold\. For a custom activation, register it/);
    },
  );

  test.each([[3], [true], [[relu]]])('rejects the identifier %j', (identifier) => {
    const call = () => get(identifier as never);
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/Could not interpret activation identifier: received /);
  });
});

describe('serialize and deserialize', () => {
  test('built-ins serialize to their Keras name; aliases to the canonical one', () => {
    expect(serialize(relu)).toBe('relu');
    expect(serialize(swish)).toBe('silu');
    expect(serialize(hardSwish)).toBe('hard_silu');
  });

  test('every name round-trips: deserialize(serialize(get(name))) is get(name)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...activationNames()), fc.boolean(), (name, camel) => {
        const spelled = camel ? name.replace(/_([a-z0-9])/g, (_: string, c: string) => c.toUpperCase()) : name;
        const fn = get(spelled);
        expect(deserialize(serialize(fn) as string)).toBe(fn);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  test("a config with another module reads the name from registered_name, as Keras does", () => {
    expect(deserialize({ module: 'keras.activations', class_name: 'function', config: null, registered_name: 'elu' })).toBe(
      get('elu'),
    );
  });

  test('a legacy { class_name: name } object', () => {
    expect(deserialize({ class_name: 'relu', config: {} })).toBe(relu);
  });

  test('customObjects take precedence, also for a bare name', () => {
    const mine = (x: Tensor) => mul(x, 2);
    expect(deserialize('relu', { relu: mine })).toBe(mine);
    expect(deserialize('doubled', { 'pkg>doubled': mine })).toBe(mine);
    expect(get('pkg>doubled', { 'pkg>doubled': mine })).toBe(mine);
  });

  test('rejects unknown names and malformed configs', () => {
    expect(() => deserialize('foo')).toThrow(ValueError);
    expect(() => deserialize('foo')).toThrow(/Unknown activation: received 'foo'\. Valid names: /);
    const bad = { class_name: 'function', config: 3 };
    expect(() => deserialize(bad)).toThrow(ValueError);
    expect(() => deserialize(bad)).toThrow(
      /activations.deserialize: expected a name or \{ class_name: 'function', config: name \}, received config=\{"class_name":"function","config":3\}/,
    );
    expect(() => deserialize(5 as never)).toThrow(/received config=5/);
  });

  test('serialize rejects unregistered functions and non-functions', () => {
    const anonymous = [(x: Tensor) => x][0];
    expect(() => serialize(anonymous)).toThrow(ValueError);
    expect(() => serialize(anonymous)).toThrow(
      /activations.serialize: expected a built-in or registered activation, received fn=<anonymous>\. Register it first/,
    );
    function myAct(x: Tensor) {
      return x;
    }
    expect(() => serialize(myAct)).toThrow(/received fn=myAct/);
    expect(() => serialize('relu' as never)).toThrow(/activations.serialize: expected an activation function, received fn='relu'/);
  });
});

describe('register', () => {
  test('a custom activation serializes as Keras writes registered functions', () => {
    function cube(x: Tensor) {
      return mul(mul(x, x), x);
    }
    expect(register(cube)).toBe('Custom>cube');
    expect(serialize(cube)).toEqual({ module: 'builtins', class_name: 'function', config: 'Custom>cube', registered_name: 'function' });
    expect(get('Custom>cube')).toBe(cube);
    expect(deserialize(serialize(cube) as never)).toBe(cube);
    // Keras <= 3.6 wrote the bare name.
    expect(deserialize('cube')).toBe(cube);
    expect(Array.from(get('Custom>cube')(tensor([2])).data)).toEqual([8]);
  });

  test('name and package can be given', () => {
    const f = (x: Tensor) => x;
    expect(register(f, 'ident', 'my_pkg')).toBe('my_pkg>ident');
    expect(get('my_pkg>ident')).toBe(f);
  });

  test.each([
    [() => register(3 as never, 'x'), /activations.register: fn must be a function, received fn=3/],
    [() => register([(x: Tensor) => x][0]), /activations.register: name must be a non-empty string without '>', received name=''/],
    [() => register((x: Tensor) => x, 'a>b'), /received name='a>b'/],
    [() => register((x: Tensor) => x, 'ok', ''), /activations.register: pkg must be a non-empty string without '>', received pkg=''/],
  ])('rejects bad arguments %#', (call, message) => {
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });
});
