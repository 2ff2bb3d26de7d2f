// The command line, bundled with esbuild into dist/ and run by `node` itself. tsx compiled the
// sources on every run (about 3 s of each command) and, as a supervisor, kills a busy child 60 ms
// after SIGTERM, before `serve` can finish the mail in hand. Plain JavaScript, so node runs it as is.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const sources = `${dist}sources.txt`;

/** Whether dist/ is missing, or older than one of the sources it was built from. */
export function isStale() {
  try {
    const built = statSync(sources).mtimeMs;
    return readFileSync(sources, 'utf8')
      .split('\n')
      .some((input) => statSync(`${root}${input}`).mtimeMs > built);
  } catch {
    return true;
  }
}

/** Builds dist/escalations.mjs and a chunk per command; the list of sources it read goes last, in dist/sources.txt. */
export async function buildCli() {
  const { build } = await import('esbuild');
  rmSync(dist, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/escalations.ts'],
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    // Each command in its own chunk, loaded only when it runs: `policies` never loads the mail parser or the AWS SDK.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    // Packages stay in node_modules: dynalite's store is a native module, and node loads the rest as fast.
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(sources, Object.keys(result.metafile.inputs).join('\n'));
}

// `node bin/build-cli.mjs [--if-stale]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  await buildCli();
  process.stdout.write(`built ${dist}escalations.mjs\n`);
}
