/**
 * Builds the production extension once before the end-to-end tests, unless
 * NEMAWASHI_SKIP_BUILD=1 (when you just built it yourself).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, EXTENSION_DIR } from './harness';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (see README).`);
  }
  if (process.env.NEMAWASHI_SKIP_BUILD === '1' && existsSync(EXTENSION_DIR)) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
