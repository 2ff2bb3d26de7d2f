import { execFileSync } from 'node:child_process';

/**
 * Vitest's global setup: the end-to-end tests run the bundled command line as users do, so it is
 * built from the current sources, if they changed since the last build, before any test file starts.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['bin/build-cli.mjs', '--if-stale'], {
    cwd: new URL('../../', import.meta.url).pathname,
    stdio: 'ignore',
  });
}
