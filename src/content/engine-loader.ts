/**
 * Loads the engine into this isolated world when the first compose appears (engine-api.ts):
 * asks the background to inject the engine's scripts, then warms the tagger in short slices, each
 * its own task, so that no step is a long task (> 50 ms) on a page the user is typing in. The
 * rules' phrase tables compile when the first analysis uses them, and the rest at idle after it
 * (compileTablesAtIdle).
 *
 * The background injects compromise's data and code first, then the tagger, then the tables, the
 * compose UI and the engine (engine-api.ts, ENGINE_SCRIPT_STEPS). The tagger's preparation and its
 * first sentences need nothing else, so they start as soon as the tagger is there and go on,
 * slice by slice, while the rest is on its way: those round trips leave this thread idle, and each
 * injected script runs as a task of its own between two slices.
 */
import { sendToBackground } from '../messages';
import { installedEngine, installedEnginePart, listenForEngineParts, type ContentEngine, type EnginePart } from './engine-api';

/** Work per slice: well under the 50 ms of a long task, leaving room for the page's own work. */
const SLICE_MS = 8;

export interface EngineLoadTiming {
  /** Message to the background → engine script evaluated (the injection; warm-up overlaps it). */
  injectMs: number;
  /** Main-thread time warming the tagger, over all slices. */
  warmUpMs: number;
  /** Of warmUpMs, the part done before the engine script was there (while it was injected). */
  warmUpDuringInjectMs: number;
  /** Longest single slice. */
  longestSliceMs: number;
  /** Which slice was longest: "tagger 12" (the 13th). */
  longestSlice: string;
  /** Request → ready, wall time. */
  totalMs: number;
}

/** Yields to the event loop: the next slice runs in a new task, after input and rendering. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** compromise as the tagger script leaves it (scripts/compromise-precompute.mjs). */
interface PreparableTagger {
  (text: string): { json(options: object): unknown };
  prepareTagger?: (deadline: number) => boolean;
}

/**
 * The tagger's first calls compile its code paths (tens of milliseconds in all): a few short
 * sentences, one per step, keep each step well under a long task before the user's first
 * sentence needs it.
 */
const TAGGER_WARM_UP = ['Send it.', 'Please send me the report by Friday.', 'Could you confirm the schedule, and call me tomorrow?'];

/**
 * The tagger's warm-up, a step at a time, with the tagger alone (the engine script reads the same
 * one): its preparation (nlp.prepareTagger) in steps of SLICE_MS, then its first sentences, tagged
 * as the engine does (src/engine/nlp.ts, tagSentence). `step` returns true when warm.
 */
function taggerWarmUp(): { step(tagger: PreparableTagger): boolean } {
  let prepared = false;
  let warmed = 0;
  return {
    step(tagger) {
      if (!prepared) {
        // The step that finishes the preparation ends there: the first sentence is its own step.
        prepared = !tagger.prepareTagger || tagger.prepareTagger(performance.now() + SLICE_MS);
        return false;
      }
      try {
        if (warmed < TAGGER_WARM_UP.length) tagger(TAGGER_WARM_UP[warmed++]!).json({ terms: { text: true, tags: true } });
      } catch {
        // A warm-up only: the engine's own call reports nothing either (tagSentence).
      }
      return warmed >= TAGGER_WARM_UP.length;
    },
  };
}

/** Injects (if needed) and warms the engine; rejects when the background could not inject it. */
export async function loadEngine(signal: AbortSignal): Promise<{ engine: ContentEngine; timing: EngineLoadTiming }> {
  const t0 = performance.now();
  let warmUpMs = 0;
  let longestSliceMs = 0;
  let longestSlice = '';
  let slices = 0;
  // One slice of the tagger's warm-up (the only work done in slices here), timed.
  const slice = (step: () => boolean): boolean => {
    const s = performance.now();
    const done = step();
    const d = performance.now() - s;
    warmUpMs += d;
    if (d > longestSliceMs) {
      longestSliceMs = d;
      longestSlice = `tagger ${slices}`;
    }
    slices++;
    return done;
  };

  let engine = installedEngine();
  // An engine already in this world was warmed by the load that injected it.
  let warm = engine !== undefined;
  const warmUp = taggerWarmUp();
  let injected = performance.now();
  let warmUpDuringInjectMs = 0;
  if (!engine) {
    // Each part, as it is installed, wakes the loop below (engine-api.ts announces it).
    let wake: (() => void) | undefined;
    const arrived = new Set<EnginePart>();
    listenForEngineParts((part) => {
      arrived.add(part);
      if (part === 'engine') injected = performance.now();
      wake?.();
    });
    let settled = false;
    let answer: Awaited<ReturnType<typeof sendToBackground>> | undefined;
    let failure: unknown;
    const request = sendToBackground({ type: 'engine:load' }).then(
      (res) => {
        answer = res;
      },
      (err: unknown) => {
        failure = err;
      },
    );
    void request.finally(() => {
      settled = true;
      wake?.();
    });
    try {
      while (!signal.aborted && !settled && !arrived.has('engine')) {
        const tagger = installedEnginePart('nlp') as PreparableTagger | undefined;
        if (tagger && !warm) {
          // The tagger's warm-up in slices while the rest is injected.
          warm = slice(() => warmUp.step(tagger));
          await nextTask();
        } else {
          // Nothing to do until the next part (or the answer) arrives.
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          // Woken inside the task that ran the injected script: the next slice gets a task of its own.
          await nextTask();
        }
      }
      warmUpDuringInjectMs = warmUpMs;
      // The background's answer comes a round trip after the engine script ran: not worth waiting for.
      if (!installedEngine()) await request;
    } finally {
      listenForEngineParts(undefined);
    }
    engine = installedEngine();
    if (!engine) {
      const reason = failure !== undefined ? String(failure) : answer?.error;
      throw new Error(`the engine script did not load${reason ? `: ${reason}` : ''}`);
    }
    if (!arrived.has('engine')) injected = performance.now();
    // Perhaps woken inside the engine script's own task: the slices below start in a new one.
    await nextTask();
  }
  // What is left of the tagger's warm-up. The phrase tables are not compiled here: a draft uses
  // about a quarter of them (the CLI reads 192 of their 810 kB for a corpus draft in English), each
  // compiled by the analysis step that first needs it.
  const tagger = installedEnginePart('nlp') as PreparableTagger | undefined;
  while (tagger && !warm && !signal.aborted) {
    warm = slice(() => warmUp.step(tagger));
    if (!warm) await nextTask();
  }
  return {
    engine,
    timing: { injectMs: injected - t0, warmUpMs, warmUpDuringInjectMs, longestSliceMs, longestSlice, totalMs: performance.now() - t0 },
  };
}

/**
 * Compiles the phrase tables no analysis has used yet, in slices of at most SLICE_MS when the page
 * is idle (after the first compose's underlines), so that a table a later keystroke needs is
 * ready by then rather than compiled in that keystroke's analysis.
 */
export function compileTablesAtIdle(engine: ContentEngine, signal: AbortSignal): void {
  const idle = (run: (deadline: IdleDeadline) => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(() => run({ didTimeout: true, timeRemaining: () => SLICE_MS }), 50);
  const step = (deadline: IdleDeadline) => {
    if (signal.aborted) return;
    const budget = Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()));
    if (!engine.compilePendingTables(budget)) idle(step);
  };
  idle(step);
}
