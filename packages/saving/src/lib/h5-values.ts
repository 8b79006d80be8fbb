import { DType, Tensor, ValueError } from '@strata/tensor';
import { float16ToFloat32 } from './float16';
import type { Dataset, Group, H5Module } from './h5';

// Node and browsers have TextDecoder; the library compiles without DOM or Node typings.
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

// HDF5 type classes (H5T_class_t).
const INTEGER = 0;
const FLOAT = 1;
const ENUM = 8;

interface NumberType {
  type: number;
  size: number;
  signed: boolean;
}

function numberType(ds: Dataset): NumberType {
  const m = ds.metadata;
  // h5py stores booleans as an enum over int8.
  if (m.type === ENUM && m.enum_type) return { type: m.enum_type.type, size: m.size, signed: m.signed };
  return { type: m.type, size: m.size, signed: m.signed };
}

// The raw bytes of a numeric dataset in its stored type: h5wasm has no float16 reader, and its
// scalar values come back as plain numbers, so reading bytes keeps one path for every case.
function rawBytes(h5: H5Module, ds: Dataset, nbytes: number): Uint8Array {
  const M = h5.Module;
  const ptr = M._malloc(Math.max(nbytes, 1));
  try {
    M.get_dataset_data(ds.file_id, ds.path, null, null, null, BigInt(ptr));
    return M.HEAPU8.slice(ptr, ptr + nbytes);
  } finally {
    M._free(ptr);
  }
}

function decode(buf: ArrayBuffer, t: NumberType, n: number, where: string): { data: Float32Array | Int32Array; dtype: DType } {
  if (t.type === FLOAT) {
    if (t.size === 4) return { data: new Float32Array(buf, 0, n), dtype: 'float32' };
    if (t.size === 8) return { data: Float32Array.from(new Float64Array(buf, 0, n)), dtype: 'float32' };
    if (t.size === 2) return { data: float16ToFloat32(new Uint16Array(buf, 0, n)), dtype: 'float32' };
  } else if (t.type === INTEGER) {
    const ints =
      t.size === 8 ? (t.signed ? new BigInt64Array(buf, 0, n) : new BigUint64Array(buf, 0, n))
      : t.size === 4 ? (t.signed ? new Int32Array(buf, 0, n) : new Uint32Array(buf, 0, n))
      : t.size === 2 ? (t.signed ? new Int16Array(buf, 0, n) : new Uint16Array(buf, 0, n))
      : t.signed ? new Int8Array(buf, 0, n) : new Uint8Array(buf, 0, n);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(ints[i]);
    return { data: out, dtype: 'int32' };
  }
  throw new ValueError(`HDF5: dataset ${where} must hold numbers (integers or floats of 16, 32 or 64 bits), received HDF5 type class ${t.type} of ${t.size} bytes`);
}

/** A numeric HDF5 dataset as a Tensor (floats as float32, integers and booleans as int32). */
export function readTensor(h5: H5Module, ds: Dataset): Tensor {
  const shape = ds.shape ?? [];
  const t = numberType(ds);
  const n = shape.reduce((a, b) => a * b, 1);
  const bytes = rawBytes(h5, ds, n * t.size);
  const { data, dtype } = decode(bytes.buffer as ArrayBuffer, t, n, ds.path);
  return new Tensor(data, shape, dtype);
}

const H5_DTYPES: Record<DType, string> = { float32: '<f', int32: '<i', bool: '|u1' };

/** Writes a tensor as a dataset named `key` of `group`, in its own dtype (booleans as uint8). */
export function writeTensor(group: Group, key: string, value: Tensor): void {
  const data = value.dtype === 'bool' ? Uint8Array.from(value.data as ArrayLike<number>) : value.data;
  group.create_dataset({ name: key, data: data as Float32Array, shape: [...value.shape], dtype: H5_DTYPES[value.dtype] });
}

/** A string attribute (`vars.attrs['name']`, legacy `model_config`, ...), or null when absent. */
export function stringAttr(obj: { attrs: Record<string, { value: unknown }> }, name: string): string | null {
  const attrs = obj.attrs;
  if (!(name in attrs)) return null;
  const v = attrs[name].value;
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
  return String(v);
}

/** A string-array attribute (legacy `layer_names`, `weight_names`); empty when absent. */
export function stringListAttr(obj: { attrs: Record<string, { value: unknown }> }, name: string): string[] {
  const attrs = obj.attrs;
  if (!(name in attrs)) return [];
  const v = attrs[name].value;
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return [v];
  return [];
}
