/**
 * The engine side of the content script (see engine-api.ts): the whole catalogue and the compose
 * UI, loaded only when a compose appears. entrypoints/engine.ts installs this in the isolated world.
 */
import { analyze, analyzeDraft, analyzeInSlices, compilePendingTables, detectFirstContact, splitBody, type AnalysisContext, type Draft, type SlicedAnalysis } from '../nemawashi';
import type { ContentEngine } from './engine-api';
import { createComposeUi } from './compose-ui';

/** Work per warm-up step: well under the 50 ms of a long task. */
const STEP_MS = 8;

/**
 * The first analysis once the engine has loaded, however short the draft, in the steps of a long
 * one (src/engine/sliced.ts: one rule at a time, same findings), each ending by STEP_MS after it
 * starts (plus one unit) whatever the caller's deadline: each rule's first run compiles its code,
 * which in one step was a long task of about 50 ms between the compose opening and its underlines.
 */
function firstAnalysis(draft: Draft, context: Partial<AnalysisContext>): SlicedAnalysis {
  const job = analyzeInSlices(draft, context, { inSteps: true });
  return {
    get done() {
      return job.done;
    },
    get windows() {
      return job.windows;
    },
    get steps() {
      return job.steps;
    },
    get longestUnit() {
      return job.longestUnit;
    },
    step: (deadline) => job.step(Math.min(deadline, performance.now() + STEP_MS)),
    result: () => job.result(),
  };
}

export function createContentEngine(): ContentEngine {
  let analysed = false;
  return {
    analyze,
    analyzeDraft,
    analyzeInSlices(draft, context) {
      if (analysed) return analyzeInSlices(draft, context);
      analysed = true;
      return firstAnalysis(draft, context);
    },
    firstContact: (draft, hasWrittenTo) => detectFirstContact(draft, { hasQuote: splitBody(draft.body).hasQuote, hasWrittenTo }),
    compilePendingTables,
    ui: createComposeUi(),
  };
}
