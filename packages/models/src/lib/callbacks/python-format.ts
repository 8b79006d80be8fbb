import { ValueError, show } from '@strata/tensor';

// Python's number formatting, so checkpoint names, CSV cells and messages read exactly as Keras
// writes them: `str(0.1)` is `0.1`, `str(1.0)` is `1.0`, `format(0.125, '.2f')` is `0.12`
// (round half to even on the exact binary value, where JS's toFixed gives `0.13`).

/** |x| = n / 10^k exactly (any finite double is a dyadic rational, hence a finite decimal). */
function exactDecimal(x: number): { n: bigint; k: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  if (e >= 0) return { n: m << BigInt(e), k: 0 };
  return { n: m * 5n ** BigInt(-e), k: -e };
}

/** n / 10^drop rounded half to even. */
function dropDigits(n: bigint, drop: number): bigint {
  if (drop <= 0) return n * 10n ** BigInt(-drop);
  const d = 10n ** BigInt(drop);
  const q = n / d;
  const r2 = (n % d) * 2n;
  return r2 > d || (r2 === d && q % 2n === 1n) ? q + 1n : q;
}

/** Fixed notation with `p` decimals, no sign. */
function fixed(x: number, p: number): string {
  const { n, k } = exactDecimal(x);
  const s = dropDigits(n, k - p).toString().padStart(p + 1, '0');
  return p > 0 ? `${s.slice(0, s.length - p)}.${s.slice(s.length - p)}` : s;
}

/** Scientific notation with `p + 1` significant digits: digits and decimal exponent, no sign. */
function scientificParts(x: number, p: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  const { n, k } = exactDecimal(x);
  const len = n.toString().length;
  let exp = len - 1 - k;
  let q = dropDigits(n, len - (p + 1));
  if (q.toString().length > p + 1) {
    q /= 10n;
    exp += 1;
  }
  return { digits: q.toString(), exp };
}

function expSuffix(exp: number, upper: boolean): string {
  return `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function scientific(x: number, p: number, upper: boolean, alt: boolean): string {
  const { digits, exp } = scientificParts(x, p);
  const mantissa = digits.length > 1 || alt ? `${digits[0]}.${digits.slice(1)}` : digits;
  return mantissa + expSuffix(exp, upper);
}

/** Python's `g` (and, with `none`, the empty presentation type given a precision) on |x|. */
function general(x: number, p: number, upper: boolean, alt: boolean, none: boolean): string {
  p = p === 0 ? 1 : p;
  const { digits, exp } = scientificParts(x, p - 1);
  const strip = (s: string) => (alt || !s.includes('.') ? s : s.replace(/0+$/, '').replace(/\.$/, ''));
  // The empty type switches to scientific one digit earlier than `g` (Python's rule).
  if (exp >= -4 && exp < (none ? p - 1 : p)) {
    const s = strip(fixed(x, p - 1 - exp));
    return none && !s.includes('.') ? `${s}.0` : s;
  }
  const mantissa = digits.length > 1 || alt ? `${digits[0]}.${digits.slice(1)}` : digits;
  return strip(mantissa) + expSuffix(exp, upper);
}

/**
 * Python's `repr(x)` of a float: the shortest digits that round-trip, in Python's layout.
 * @example floatRepr(1); // '1.0'   floatRepr(1.5e-5); // '1.5e-05'
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mant, e] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(e);
  if (exp < -4 || exp >= 16) {
    return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}${expSuffix(exp, false)}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${int}.${frac || '0'}`;
}

interface Spec {
  fill: string;
  align: string | null;
  sign: string;
  alt: boolean;
  /** Python's `z`: a negative zero after rounding prints as zero. */
  noNegZero: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | null;
  type: string;
}

function parseSpec(spec: string, who: string): Spec {
  const m = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) throw new ValueError(`${who}: invalid format specifier, received spec=${show(spec)}`);
  return {
    fill: m[1] ?? (m[6] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : null),
    sign: m[3] ?? '-',
    alt: Boolean(m[5]),
    noNegZero: Boolean(m[4]),
    zero: Boolean(m[6]),
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] ?? '',
    precision: m[9] === undefined ? null : Number(m[9]),
    type: m[10] ?? '',
  };
}

function group(body: string, sep: string): string {
  if (!sep) return body;
  const dot = body.search(/[.eE%]/);
  const int = dot < 0 ? body : body.slice(0, dot);
  if (!/^\d+$/.test(int)) return body;
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (dot < 0 ? '' : body.slice(dot));
}

/**
 * Python's `format(value, spec)` for a number; `isInt` says whether Python holds an `int` (an epoch
 * or batch number) or a `float` (every logged value).
 * @example formatNumber(0.125, '.2f', false); // '0.12' (half to even)   formatNumber(3, '02d', true); // '03'
 */
export function formatNumber(value: number, spec: string, isInt: boolean, who = 'format'): string {
  const s = parseSpec(spec, who);
  const type = s.type;
  let negative = value < 0 || Object.is(value, -0);
  let body: string;
  const ax = Math.abs(value);
  if (isInt && (type === '' || type === 'd' || type === 'n')) {
    if (s.precision !== null) throw new ValueError(`${who}: precision not allowed in integer format specifier, received spec=${show(spec)}`);
    body = String(Math.abs(Math.trunc(value)));
  } else if (!isInt && type === 'd') {
    throw new ValueError(`${who}: unknown format code '${type}' for a float value, received spec=${show(spec)}`);
  } else if (!'eEfFgGn%'.includes(type) && type !== '') {
    throw new ValueError(`${who}: unsupported format code '${type}' for numbers, received spec=${show(spec)}`);
  } else if (!Number.isFinite(value)) {
    body = Number.isNaN(value) ? 'nan' : 'inf';
    if ('EFG'.includes(type) && type) body = body.toUpperCase();
  } else {
    const p = s.precision;
    switch (type) {
      case 'f':
      case 'F':
        body = fixed(ax, p ?? 6);
        if (s.alt && !body.includes('.')) body += '.';
        break;
      case 'e':
      case 'E':
        body = scientific(ax, p ?? 6, type === 'E', s.alt);
        break;
      case 'g':
      case 'G':
      case 'n':
        body = general(ax, p ?? 6, type === 'G', s.alt, false);
        break;
      case '%':
        body = `${fixed(ax * 100, p ?? 6)}%`;
        break;
      default:
        body = p === null ? floatRepr(ax) : general(ax, p, false, s.alt, true);
    }
  }
  if (s.noNegZero && /^[0.]+(?:[eE][-+]\d+)?%?$/.test(body)) negative = false;
  body = group(body, s.grouping);
  const signStr = negative && !Number.isNaN(value) ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
  const pad = Math.max(0, s.width - signStr.length - body.length);
  const fill = s.fill.repeat(pad);
  switch (s.align ?? '>') {
    case '<':
      return signStr + body + fill;
    case '^':
      return s.fill.repeat(Math.floor(pad / 2)) + signStr + body + s.fill.repeat(pad - Math.floor(pad / 2));
    case '=':
      return signStr + fill + body;
    default:
      return fill + signStr + body;
  }
}

/**
 * Python's `template.format(**values)` for number fields (`{epoch:02d}`, `{val_loss:.2f}`,
 * `{{` and `}}` for braces). Names in `ints` format as Python ints, the rest as floats.
 * @example formatTemplate('m-{epoch:02d}-{loss:.2f}.keras', { epoch: 3, loss: 0.456 }, new Set(['epoch']), 'ModelCheckpoint'); // 'm-03-0.46.keras'
 */
export function formatTemplate(template: string, values: Record<string, number>, ints: ReadonlySet<string>, who: string): string {
  return template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:![rsa])?(?::([^{}]*))?\}/g, (match: string, name: string | undefined, spec: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const key = name ?? '';
    if (!(key in values)) {
      throw new ValueError(
        `${who}: failed to format the filepath ${show(template)}: no value for ${show(key)}; available: ${Object.keys(values).join(', ')}`,
      );
    }
    return formatNumber(values[key], spec ?? '', ints.has(key), who);
  });
}
