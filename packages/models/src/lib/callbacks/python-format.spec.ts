import { ValueError } from '@strata/tensor';
import fc from 'fast-check';
import { floatRepr, formatNumber, formatTemplate } from './python-format';

// Expected strings printed by CPython 3.11: format(value, spec).
const FLOATS: [number, string, string][] = [
  [0.125, '.2f', '0.12'],
  [0.375, '.2f', '0.38'],
  [2.5, '.0f', '2'],
  [3.5, '.0f', '4'],
  [0.5, '.0f', '0'],
  [1.5, '.0f', '2'],
  [-0.125, '.2f', '-0.12'],
  [0.1234567, '.2f', '0.12'],
  [1234.5678, ',.1f', '1,234.6'],
  [1234567.0, '_.2f', '1_234_567.00'],
  [0.000123456, '', '0.000123456'],
  [1e16, '', '1e+16'],
  [123.0, '', '123.0'],
  [1.5e-5, '', '1.5e-05'],
  [0.1, '', '0.1'],
  [0.30000000000000004, '', '0.30000000000000004'],
  [12345.678, ',', '12,345.678'],
  [NaN, '', 'nan'],
  [NaN, '+', '+nan'],
  [Infinity, '.2f', 'inf'],
  [-0, '.1f', '-0.0'],
  [-0.001, '.1f', '-0.0'],
  [-0.001, 'z.1f', '0.0'],
  [-0.25, 'z.1f', '-0.2'],
  [0.5, 'n', '0.5'],
  [0.000123456, '.3e', '1.235e-04'],
  [123456.0, 'e', '1.234560e+05'],
  [9.9999, '.2e', '1.00e+01'],
  [1.0, '.0e', '1e+00'],
  [1.0, '#.0e', '1.e+00'],
  [1e-10, '.2E', '1.00E-10'],
  [0.0001, 'g', '0.0001'],
  [0.00001, 'g', '1e-05'],
  [123456789.0, 'g', '1.23457e+08'],
  [100000.0, 'g', '100000'],
  [1000000.0, 'g', '1e+06'],
  [0.5, '.3g', '0.5'],
  [0.5, '#.3g', '0.500'],
  [0.0, 'g', '0'],
  [12.0, '.3G', '12'],
  [123.0, '.3', '1.23e+02'],
  [12.0, '.3', '12.0'],
  [100.0, '.3', '1e+02'],
  [0.0, '.3', '0.0'],
  [0.25, '.1%', '25.0%'],
  [0.5, '.0%', '50%'],
  [3.14159, '+08.3f', '+003.142'],
  [3.14159, '*^12.2f', '****3.14****'],
  [3.5, '^07.1f', '003.500'],
  [-3.14159, '=+10.2f', '-     3.14'],
  [-3.14159, '010.2f', '-000003.14'],
  [-2.0, 'x<08.1f', '-2.0xxxx'],
  [2.0, '>6', '   2.0'],
  [5e-324, '', '5e-324'],
  [1.7976931348623157e308, '', '1.7976931348623157e+308'],
];

const INTS: [number, string, string][] = [
  [3, '02d', '03'],
  [3, 'd', '3'],
  [3, '', '3'],
  [3, '.2f', '3.00'],
  [12345, ',d', '12,345'],
  [7, '>4', '   7'],
  [7, '<4', '7   '],
  [7, '^5', '  7  '],
  [3, '<05', '30000'],
  [-7, '05d', '-0007'],
  [3, 'e', '3.000000e+00'],
  [3, '%', '300.000000%'],
];

describe('formatNumber', () => {
  it.each(FLOATS)('formats the float %p with %p as Python does', (value, spec, expected) => {
    expect(formatNumber(value, spec, false)).toBe(expected);
  });

  it.each(INTS)('formats the int %p with %p as Python does', (value, spec, expected) => {
    expect(formatNumber(value, spec, true)).toBe(expected);
  });

  it('rejects what Python rejects', () => {
    expect(() => formatNumber(0.5, 'd', false, 'ModelCheckpoint')).toThrow(ValueError);
    expect(() => formatNumber(0.5, 'd', false, 'ModelCheckpoint')).toThrow(/ModelCheckpoint: unknown format code 'd' for a float value, received spec='d'/);
    expect(() => formatNumber(1, '.2d', true)).toThrow(/precision not allowed in integer format specifier, received spec='.2d'/);
    expect(() => formatNumber(1, '~~~', true)).toThrow(/invalid format specifier, received spec='~~~'/);
    expect(() => formatNumber(1.5, 'x', false)).toThrow(/unsupported format code 'x' for numbers, received spec='x'/);
  });
});

describe('floatRepr', () => {
  it('round-trips every double, like repr', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(floatRepr(x))).toBe(x);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('rounds a fixed format to within half a unit of its last place', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, p) => {
        const s = formatNumber(x, `.${p}f`, false);
        expect(s.split('.')[1]?.length ?? 0).toBe(p);
        expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(0.5 * 10 ** -p * (1 + 1e-9) + Math.abs(x) * 1e-15);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('formatTemplate', () => {
  const ints = new Set(['epoch', 'batch']);

  it('fills placeholders as str.format does', () => {
    expect(formatTemplate('ckpt-{epoch:02d}-{val_loss:.2f}.keras', { epoch: 3, val_loss: 0.4567 }, ints, 'ModelCheckpoint')).toBe(
      'ckpt-03-0.46.keras',
    );
    expect(formatTemplate('{epoch}_{loss}_{{x}}.keras', { epoch: 10, loss: 1 }, ints, 'ModelCheckpoint')).toBe('10_1.0_{x}.keras');
    expect(formatTemplate('{batch!r}.h5', { batch: 4 }, ints, 'ModelCheckpoint')).toBe('4.h5');
  });

  it('names the missing key', () => {
    const run = () => formatTemplate('m-{val_acc:.2f}.keras', { epoch: 1, loss: 0.5 }, ints, 'ModelCheckpoint');
    expect(run).toThrow(ValueError);
    expect(run).toThrow(/ModelCheckpoint: failed to format the filepath 'm-\{val_acc:.2f\}.keras': no value for 'val_acc'; available: epoch, loss/);
  });
});
