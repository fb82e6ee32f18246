import * as data from 'nemawashi:compromise-data';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background first, in a task of its own: compromise's data computed at build
// time (scripts/compromise-precompute.mjs), which the tagger script's build reads from here
// (src/content/engine-api.ts, scripts/engine-split.mjs). As part of the tagger script it made
// that script's compile the longest task of a cold compose (issue 12).
export default defineUnlistedScript(() => {
  installEnginePart('taggerData', data);
});
