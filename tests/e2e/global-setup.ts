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
  // The demo build: production code plus the local demo page's origins (wxt.config.ts).
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, NEMAWASHI_DEMO: '1' } });
}
