// publint (packaging rules) and Are the Types Wrong (type resolution under node10, node16 from CJS,
// node16 from ESM and bundler) on the packed tarballs, in this process, offline. Both are root
// devDependencies; where one is not installed yet the caller reports it as skipped.
'use strict';

const fs = require('node:fs');

async function tryImport(name) {
  try {
    return await import(name);
  } catch (e) {
    if (e && (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND')) return null;
    throw e;
  }
}

/** Loads the tools once: { publint, formatMessage, attw } with null for a tool that is not installed. */
async function loadLinters() {
  const [pub, pubUtils, attw] = await Promise.all([tryImport('publint'), tryImport('publint/utils'), tryImport('@arethetypeswrong/core')]);
  return { publint: pub && pub.publint, formatMessage: pubUtils && pubUtils.formatMessage, attw };
}

/** publint's errors and warnings for one tarball (warnings count: `strict`). Suggestions are returned apart. */
async function runPublint(linters, tarball) {
  const data = fs.readFileSync(tarball);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg } = await linters.publint({ pack: { tarball: buffer }, level: 'suggestion', strict: true });
  const text = (m) => `${m.code}: ${linters.formatMessage(m, pkg, { color: false }) || ''}`.trim();
  return {
    problems: messages.filter((m) => m.type !== 'suggestion').map(text),
    suggestions: messages.filter((m) => m.type === 'suggestion').map((m) => m.code),
  };
}

/**
 * Are the Types Wrong on one tarball: every problem it finds (the CLI's "strict" profile) and, per
 * entry point, which resolution modes found TypeScript declarations.
 */
async function runAttw(linters, tarball) {
  const pkg = linters.attw.createPackageFromTarballData(new Uint8Array(fs.readFileSync(tarball)));
  const analysis = await linters.attw.checkPackage(pkg);
  if (!analysis.types) return { problems: ['no types found'], entries: [] };
  const entries = Object.entries(analysis.entrypoints).filter(([sub]) => sub !== './package.json').map(([sub, e]) => {
    const modes = Object.entries(e.resolutions);
    const typed = modes.filter(([, r]) => r.resolution && r.resolution.isTypeScript).map(([mode]) => mode);
    return `${sub} [${typed.length === modes.length ? 'types for ' : 'types ONLY for '}${typed.join(', ')}]`;
  });
  const problems = analysis.problems.map((p) => `${p.kind}${p.entrypoint ? ` at ${p.entrypoint}` : ''}${p.resolutionKind ? ` (${p.resolutionKind})` : ''}`);
  return { problems, entries };
}

module.exports = { loadLinters, runPublint, runAttw };
