import { execFileSync } from 'node:child_process';

/**
 * Vitest's global setup: the end-to-end tests run the bundled command line as users do, so it is
 * built once from the current sources before any test file starts (never by two at once).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['bin/build-cli.mjs'], { cwd: new URL('../../', import.meta.url).pathname, stdio: 'ignore' });
}
