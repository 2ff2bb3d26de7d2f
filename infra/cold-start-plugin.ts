// The esbuild plugin that keeps out of a cold start what a message rarely needs (infra/bundle-function.ts;
// docs/performance.md, 'Cold start of ingest'):
// - iconv-lite's double-byte charset tables stay JSON files beside the bundle, read when a message in
//   such a charset comes, as iconv-lite does outside a bundle;
// - iconv-lite's double-byte codecs build their tables when first used to decode or encode, not when
//   looked up (libmime looks GBK up as it loads);
// - linkify-it (mailparser builds one with every top-level domain as it loads; the product never asks
//   it for links) is built on first use;
// - satellites: html-to-text (HTML-only mail), encoding-japanese (ISO-2022-JP and the like) and
//   libmime's file types (untyped attachments) are files of their own, required on first use;
// - libmime once: mailsplit requires its CommonJS build, mailparser imports its ES module build;
// - the AWS SDK clients' model schemas for the operations the functions call, not all of them
//   (infra/pure-schemas.ts).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plugin } from 'esbuild';
import { BundlingError } from './bundling-error.js';
import { pureSchemas } from './pure-schemas.js';

/** The folder beside the bundle that holds iconv-lite's double-byte tables. */
export const ICONV_TABLES = 'iconv-lite-tables';

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
export function coldStartPlugin(root: string, satellites: Map<string, string>): Plugin {
  return {
    name: 'cold-start',
    setup(build) {
      const REAL = { real: true };
      const resolved = async (path: string, kind: ImportKind, resolveDir: string) => {
        const result = await build.resolve(path, { kind, resolveDir, pluginData: REAL });
        if (result.errors.length > 0) throw new BundlingError(`cannot resolve ${path} from ${resolveDir}`);
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
      build.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[\w-]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => ({
        contents: pureSchemas(await readFile(args.path, 'utf8')),
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
