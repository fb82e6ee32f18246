/**
 * The engine side of the content script (see engine-api.ts): the whole catalogue and the compose
 * UI, loaded only when a compose appears. entrypoints/engine.ts installs this in the isolated world.
 */
import { analyze, analyzeDraft, analyzeInSlices, compilePendingTables, detectFirstContact, splitBody, tagSentence } from '../nemawashi';
import type { ContentEngine } from './engine-api';
import { createComposeUi } from './compose-ui';

/**
 * The tagger's first calls compile its code paths (tens of milliseconds in all); a few short
 * sentences, one per step, keep each step well under a long task before the user's first
 * candidate sentence needs it.
 */
const WARM_UP = ['Send it.', 'Please send me the report by Friday.', 'Could you confirm the schedule, and call me tomorrow?'];

export function createContentEngine(): ContentEngine {
  let warmed = 0;
  return {
    analyze,
    analyzeDraft,
    analyzeInSlices,
    firstContact: (draft, hasWrittenTo) => detectFirstContact(draft, { hasQuote: splitBody(draft.body).hasQuote, hasWrittenTo }),
    compilePendingTables,
    warmUpStep() {
      if (warmed < WARM_UP.length) tagSentence(WARM_UP[warmed++]!);
      return warmed >= WARM_UP.length;
    },
    ui: createComposeUi(),
  };
}
