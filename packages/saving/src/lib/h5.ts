import type { Dataset, File, Group } from 'h5wasm';

/** The h5wasm module, loaded on first use. */
export type H5Module = typeof import('h5wasm');
export type { Dataset, File, Group };

let loading: Promise<H5Module> | null = null;
let counter = 0;

/**
 * Loads h5wasm (HDF5 compiled to WebAssembly) once. h5wasm ships only ES modules while this
 * package is CommonJS: TypeScript (module nodenext) keeps this `import()` as a real dynamic
 * import in the CommonJS output, which Node and bundlers resolve to h5wasm's ESM build. The files
 * live in h5wasm's in-memory file system, so the same code runs in Node and in browsers.
 */
export function loadH5(): Promise<H5Module> {
  loading ??= import('h5wasm').then(async (h5) => {
    await h5.ready;
    return h5;
  });
  return loading;
}

function fs(h5: H5Module) {
  return h5.FS as unknown as {
    writeFile(path: string, data: Uint8Array): void;
    readFile(path: string): Uint8Array;
    unlink(path: string): void;
  };
}

function tempName(): string {
  counter += 1;
  return `/strata-${counter}.h5`;
}

/** Opens HDF5 bytes read-only, runs `read` on the file, and frees the in-memory copy. */
export async function readH5<T>(bytes: Uint8Array, read: (file: File, h5: H5Module) => T): Promise<T> {
  const h5 = await loadH5();
  const name = tempName();
  fs(h5).writeFile(name, bytes);
  let file: File | null = null;
  try {
    file = new h5.File(name, 'r');
    return read(file, h5);
  } finally {
    file?.close();
    fs(h5).unlink(name);
  }
}

/** Creates an HDF5 file in memory, lets `write` fill it, and returns its bytes. */
export async function writeH5(write: (file: File, h5: H5Module) => void): Promise<Uint8Array> {
  const h5 = await loadH5();
  const name = tempName();
  const file = new h5.File(name, 'w');
  try {
    write(file, h5);
  } finally {
    file.close();
  }
  try {
    return fs(h5).readFile(name).slice();
  } finally {
    fs(h5).unlink(name);
  }
}

/** True if `bytes` start with the HDF5 signature (`\x89HDF\r\n\x1a\n`). */
export function isHdf5(bytes: Uint8Array): boolean {
  const sig = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}
