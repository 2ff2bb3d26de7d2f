// One Lambda handler from functions/, bundled as the stack deploys it and as `npm run bench` measures
// it. The CDK app runs it in a process of its own (`tsx infra/bundle-function.ts <function> <outdir>`),
// since its bundling hook is synchronous and esbuild's plugins need the asynchronous API.
//
// What a cold start does not load (docs/performance.md, 'Cold starts'):
// - code imported with `await import()` (the Word writer, the AWS SDK's credential providers) goes
//   to chunks beside index.mjs, read only when first used;
// - iconv-lite's double-byte charset tables stay JSON files beside it, read when a message in such a
//   charset comes, as iconv-lite does outside a bundle;
// - iconv-lite's double-byte codecs build their tables when first used to decode or encode, not when
//   looked up (libmime looks GBK up as it loads);
// - linkify-it (mailparser builds one with every top-level domain as it loads; the product never asks
//   it for links) is built on first use;
// - html-to-text (only HTML-only mail needs it) and encoding-japanese (only ISO-2022-JP and the
//   like) are files of their own, required on first use;
// - libmime once: mailsplit requires its CommonJS build, mailparser imports its ES module build;
// - and the files are ASCII, which node decodes and V8 reads faster (infra/ascii-only.ts).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import type { Metafile, Plugin } from 'esbuild';
import { asciiOnly, hasNonAscii } from './ascii-only.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const ICONV_TABLES = 'iconv-lite-tables';

type ImportKind = 'import-statement' | 'require-call';

interface StandIn {
  /** What it stands in for, and how each is imported (which of a package's builds it gets). */
  needs: Record<string, ImportKind>;
  /** Its source, given the resolved paths of what it needs: the same files the importer would have had. */
  contents: (paths: Record<string, string>) => string;
}

/** Modules replaced by a stand-in that loads or builds the real one on first use. */
const STAND_INS: Record<string, StandIn> = {
  'iconv-lite': {
    needs: { 'iconv-lite': 'require-call', 'iconv-lite/encodings': 'require-call' },
    contents: (paths) => `
      const iconv = require(${JSON.stringify(paths['iconv-lite'] ?? '')});
      const encodings = require(${JSON.stringify(paths['iconv-lite/encodings'] ?? '')});
      const DBCSCodec = encodings._dbcs;
      // A double-byte codec's tables, built on first access: its encoder and decoder read them when created.
      function LazyDBCSCodec(codecOptions, lib) {
        let built;
        const build = () => (built ??= new DBCSCodec(codecOptions, lib));
        this.encodingName = codecOptions.encodingName;
        for (const key of ['decodeTables', 'decodeTableSeq', 'encodeTable', 'encodeTableSeq', 'defCharSB', 'gb18030', 'defaultCharUnicode'])
          Object.defineProperty(this, key, { get: () => build()[key], enumerable: true });
      }
      LazyDBCSCodec.prototype = DBCSCodec.prototype;
      encodings._dbcs = LazyDBCSCodec;
      module.exports = iconv;`,
  },
  'linkify-it': {
    needs: { 'linkify-it': 'import-statement' },
    contents: (paths) => `
      import LinkifyIt from ${JSON.stringify(paths['linkify-it'] ?? '')};
      const CONFIGURE = new Set(['tlds', 'add', 'set']);
      // Configuration calls are kept and replayed on the real instance, built when first asked for links.
      export default function lazyLinkifyIt(...args) {
        const calls = [];
        let real;
        const instance = () => {
          if (!real) {
            real = new LinkifyIt(...args);
            for (const [method, callArgs] of calls) real[method](...callArgs);
          }
          return real;
        };
        const stand = new Proxy({}, {
          get(_, key) {
            if (CONFIGURE.has(key) && !real) return (...callArgs) => (calls.push([key, callArgs]), stand);
            const value = instance()[key];
            return typeof value === 'function' ? value.bind(real) : value;
          },
        });
        return stand;
      }`,
  },
};

/**
 * Code only some messages need, bundled into a file of its own beside index.mjs and required from
 * it on first use: html-to-text and its HTML parser (HTML-only mail), encoding-japanese (mail in
 * ISO-2022-JP and the like), libmime's table of file types (an attachment sent as
 * application/octet-stream). Each import of it gets a stand-in with the same exports.
 */
interface Satellite {
  /** The import it replaces: its path, and for a relative one the importer's folder. */
  path: string;
  from?: RegExp;
  /** The satellite's file name beside index.mjs. */
  file: string;
  /** Its exports: functions, objects (read through once loaded), or a default export object. */
  functions?: readonly string[];
  objects?: readonly string[];
  defaultObject?: boolean;
}

const SATELLITES: readonly Satellite[] = [
  { path: 'html-to-text', file: 'html-to-text.cjs', functions: ['convert', 'htmlToText', 'compile'] },
  { path: 'encoding-japanese', file: 'encoding-japanese.cjs', defaultObject: true },
  { path: './mimetypes.js', from: /[\\/]libmime[\\/]dist[\\/]esm$/, file: 'libmime-mimetypes.cjs', objects: ['list', 'extensions'] },
];

/** An object whose properties are read from `real()`, called when one is first read. */
const READ_THROUGH = `const readThrough = (real) => new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? undefined : real()[key]),
  has: (_, key) => key in real(),
  ownKeys: () => Reflect.ownKeys(real()),
  getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(real(), key),
});`;

function satelliteStandIn(satellite: Satellite): string {
  const lines = [`let real;`, `const load = () => (real ??= require('./${satellite.file}'));`, READ_THROUGH];
  for (const key of satellite.functions ?? []) lines.push(`export const ${key} = (...args) => load().${key}(...args);`);
  for (const key of satellite.objects ?? []) lines.push(`export const ${key} = readThrough(() => load().${key});`);
  if (satellite.defaultObject) lines.push('module.exports = readThrough(load);');
  return lines.join('\n');
}

/** Resolves what a bundle's stand-ins need; `satellites` gets each satellite's file and what to bundle into it. */
function coldStartPlugin(satellites: Map<string, string>): Plugin {
  return {
    name: 'cold-start',
    setup(build) {
      const REAL = { real: true };
      const resolved = async (path: string, kind: ImportKind, resolveDir: string) => {
        const result = await build.resolve(path, { kind, resolveDir, pluginData: REAL });
        if (result.errors.length > 0) throw new Error(`cannot resolve ${path} from ${resolveDir}`);
        return result.path;
      };
      build.onResolve({ filter: new RegExp(`^(${Object.keys(STAND_INS).join('|')})$`) }, async (args) => {
        const standIn = STAND_INS[args.path];
        if (args.pluginData === REAL || !standIn) return undefined;
        const paths: Record<string, string> = {};
        for (const [path, kind] of Object.entries(standIn.needs)) paths[path] = await resolved(path, kind, args.resolveDir);
        return { path: Object.values(paths).join(':'), namespace: 'stand-in', pluginData: standIn.contents(paths) };
      });
      build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({
        contents: String(args.pluginData),
        resolveDir: root,
        loader: 'js',
      }));
      for (const satellite of SATELLITES) {
        const filter = new RegExp(`^${satellite.path.replace(/[.\\/]/g, '\\$&')}$`);
        build.onResolve({ filter }, async (args) => {
          if (args.pluginData === REAL || (satellite.from && !satellite.from.test(args.resolveDir))) return undefined;
          satellites.set(satellite.file, await resolved(satellite.path, 'require-call', args.resolveDir));
          return { path: satellite.file, namespace: 'stand-in', pluginData: satelliteStandIn(satellite) };
        });
      }
      build.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace: 'stand-in' }, (args) => ({ path: args.path, external: true }));
      // mailsplit's require('libmime'): the ES module build mailparser imports, not a second copy.
      build.onResolve({ filter: /^libmime$/ }, async (args) => {
        if (args.kind !== 'require-call' || args.pluginData === REAL) return undefined;
        return { path: await resolved('libmime', 'import-statement', args.resolveDir), namespace: 'libmime-default' };
      });
      build.onLoad({ filter: /.*/, namespace: 'libmime-default' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)}).default;`,
        resolveDir: root,
        loader: 'js',
      }));
      // iconv-lite's tables: files beside the bundle, required on demand.
      build.onResolve({ filter: /^\.\/tables\/[\w-]+\.json$/ }, (args) =>
        /iconv-lite[\\/]encodings$/.test(args.resolveDir)
          ? { path: `./${ICONV_TABLES}/${basename(args.path)}`, external: true }
          : undefined,
      );
    },
  };
}

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
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Chunks beside index.mjs: a table's path is the same from every file.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    minify: options.minify ?? true,
    // Linked, for NODE_OPTIONS=--enable-source-maps (docs/performance.md, 'Source maps'); without the
    // sources, which stack traces do not need: a third of the size, parsed in three quarters of the time.
    sourcemap: 'linked',
    sourcesContent: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // ES module builds first: esbuild can drop what the functions never use.
    mainFields: ['module', 'main'],
    // CommonJS dependencies call require(): give each ES module file one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [coldStartPlugin(satellites)],
    metafile: true,
    logLevel: 'warning',
  });
  for (const [file, entryPoint] of satellites) {
    const satellite = await build({
      absWorkingDir: root,
      entryPoints: [entryPoint],
      outfile: join(outdir, file),
      bundle: true,
      minify: options.minify ?? true,
      sourcemap: 'linked',
      sourcesContent: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      metafile: true,
      logLevel: 'warning',
    });
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
  if (!name || !outdir) throw new Error('usage: bundle-function.ts <function> <outdir> [file...]');
  await bundleFunction(handlerEntry(name), outdir, { files });
}
