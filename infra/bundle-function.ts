// One Lambda handler from functions/, bundled as the stack deploys it and as `npm run bench` measures
// it. The CDK app runs it in a process of its own (`tsx infra/bundle-function.ts <function> <outdir>`),
// since its bundling hook is synchronous and esbuild's plugins need the asynchronous API.
//
// What a cold start does not load (docs/performance.md, 'Cold start of ingest'): code imported with
// `await import()` (the Word writer, the records' writers, the AWS SDK's credential providers) goes
// to chunks beside index.mjs, read when first used; infra/cold-start-plugin.ts keeps out what a
// message rarely needs of the mail parser's dependencies; and the files are ASCII, which node
// decodes and V8 reads faster (infra/ascii-only.ts).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import type { Metafile } from 'esbuild';
import { asciiOnly, hasNonAscii } from './ascii-only.js';
import { BundlingError } from './bundling-error.js';
import { coldStartPlugin, ICONV_TABLES } from './cold-start-plugin.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/** functions/<name>.ts: a handler's entry point. */
export const handlerEntry = (name: string): string => join(root, 'functions', `${name}.ts`);

/**
 * Bundles an entry point (a handler's: handlerEntry) into outdir, emptied first: index.mjs, its
 * chunks and satellites, their source maps, iconv-lite's tables, and each of `files` copied beside
 * them. Returns esbuild's metafile, the satellites' outputs included.
 */
export async function bundleFunction(
  entry: string,
  outdir: string,
  options: { files?: readonly string[]; minify?: boolean } = {},
): Promise<Metafile> {
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const satellites = new Map<string, string>();
  // What the function and its satellites are built with alike.
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify: options.minify ?? true,
    // Linked, for NODE_OPTIONS=--enable-source-maps (docs/performance.md, 'Source maps'); without the
    // sources, which stack traces do not need: a third of the size, parsed in three quarters of the time.
    sourcemap: 'linked',
    sourcesContent: false,
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  } as const;
  const result = await build({
    ...common,
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Chunks beside index.mjs: a table's path is the same from every file.
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    // ES module builds first: esbuild can drop what the functions never use.
    mainFields: ['module', 'main'],
    // CommonJS dependencies call require(): give each ES module file one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [coldStartPlugin(root, satellites)],
  });
  for (const [file, entryPoint] of satellites) {
    const satellite = await build({ ...common, entryPoints: [entryPoint], outfile: join(outdir, file), format: 'cjs' });
    Object.assign(result.metafile.outputs, satellite.metafile.outputs);
  }
  for (const output of Object.keys(result.metafile.outputs).filter((path) => /\.[cm]js$/.test(path))) {
    const file = join(root, output);
    const code = readFileSync(file, 'utf8');
    if (!hasNonAscii(code)) continue;
    const ascii = asciiOnly(code, readFileSync(`${file}.map`, 'utf8'));
    writeFileSync(file, ascii.code);
    writeFileSync(`${file}.map`, ascii.map);
  }
  cpSync(join(dirname(require.resolve('iconv-lite/encodings')), 'tables'), join(outdir, ICONV_TABLES), { recursive: true });
  for (const file of options.files ?? []) cpSync(file, join(outdir, basename(file)));
  return result.metafile;
}

// `tsx infra/bundle-function.ts <function> <outdir> [file...]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, outdir, ...files] = process.argv.slice(2);
  if (!name || !outdir) throw new BundlingError('usage: bundle-function.ts <function> <outdir> [file...]');
  await bundleFunction(handlerEntry(name), outdir, { files });
}
