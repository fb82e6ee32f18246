import { PRECOMPILED_TABLES } from '../src/engine/precompiled-tables';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background before entrypoints/engine.ts, in a task of its own: the rules'
// phrase tables compiled at build time (scripts/tables-precompute.mjs), which the engine script's
// build reads from here (src/content/engine-api.ts, scripts/engine-split.mjs).
export default defineUnlistedScript(() => {
  installEnginePart('tables', PRECOMPILED_TABLES);
});
