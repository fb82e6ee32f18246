import * as one from 'nemawashi:compromise-one';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background in a task of its own, before the tagger script: compromise/one's
// code (the library's core and its first plugins, scripts/compromise-precompute.mjs), which the
// tagger script's build reads from here (src/content/engine-api.ts, scripts/engine-split.mjs). As
// part of the tagger script it made that script's compile the longest task of a cold compose
// (issue 12).
export default defineUnlistedScript(() => {
  installEnginePart('taggerOne', one);
});
