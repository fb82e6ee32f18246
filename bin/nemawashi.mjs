#!/usr/bin/env node
// `npx nemawashi`: the CLI is TypeScript (src/cli/main.ts); tsx compiles it on the fly, so the
// same sources serve the extension build, the tests and this command without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
await main();
