import { ValueError } from '@strata/tensor';

// A variable keeps bundlers from resolving Node's fs at build time: the package stays
// browser-safe, and only the path-based functions need Node.
const NODE_FS = 'node:fs/promises';

interface NodeFs {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

async function nodeFs(who: string): Promise<NodeFs> {
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS)) as NodeFs;
  } catch (e) {
    throw new ValueError(
      `${who}: paths need Node's file system, which is not available here (${(e as Error).message}); use the *FromBytes / *ToBytes functions instead`,
    );
  }
}

/** The bytes of a file. */
export async function readBytes(path: string, who: string): Promise<Uint8Array> {
  const fs = await nodeFs(who);
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new ValueError(`${who}: no such file, received path='${path}'`);
    throw e;
  }
}

/**
 * Writes `data` to `path` atomically: first to a temporary file in the same folder, then renamed
 * over the target, so a crash never leaves a half-written model where a good one was.
 */
export async function writeBytesAtomic(path: string, data: Uint8Array, who: string): Promise<void> {
  const fs = await nodeFs(who);
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = path.slice(0, slash + 1);
  const temp = `${dir}.${path.slice(slash + 1)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
