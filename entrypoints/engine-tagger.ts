import nlp from 'compromise/two';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background before entrypoints/engine.ts, in a task of its own: the tagger
// (compromise, with its data computed at build time), which the engine script's build reads from
// here (src/content/engine-api.ts, scripts/engine-split.mjs).
export default defineUnlistedScript(() => {
  installEnginePart('nlp', nlp);
});
