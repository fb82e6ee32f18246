import { LOOKUP } from 'nemawashi:compromise-data';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background in a task of its own, beside engine-tagger-data.ts: compromise's
// lexicon and its three other tables, computed at build time and packed to be read in place
// (scripts/compromise-precompute.mjs, LOOKUP), which the tagger script's build reads from here
// (src/content/engine-api.ts, scripts/engine-split.mjs).
export default defineUnlistedScript(() => {
  installEnginePart('taggerLexicon', { LOOKUP });
});
