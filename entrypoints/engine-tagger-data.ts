import { MODELS, NET, TAG_SET } from 'nemawashi:compromise-data';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background in a task of its own, before the tagger script: part of compromise's
// data computed at build time (scripts/compromise-precompute.mjs: its models, tag set and match
// network as JSON text), which the tagger script's build reads from here (src/content/engine-api.ts,
// scripts/engine-split.mjs). Its lexicon is the lexicon script's (engine-tagger-lexicon.ts). As
// part of the tagger script, and then as one script, this data made the longest task of a cold
// compose (issue 12).
export default defineUnlistedScript(() => {
  installEnginePart('taggerData', { MODELS, TAG_SET, NET });
});
