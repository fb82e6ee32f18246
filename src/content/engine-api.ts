/**
 * What the content script asks of the engine, and how the two scripts find each other.
 *
 * The content script that runs at page load (entrypoints/content.ts) holds only the compose
 * watcher, the adapters, the read of whether the site is turned off (site-switch.ts) and the
 * overlay's empty host. The engine, the rules, the tagger and the compose UI (compose-ui.ts: the
 * overlay, the check at Send, the settings code) are seven more scripts (ENGINE_SCRIPT_FILES) that
 * the background injects into the same isolated world when the first compose appears
 * (`scripting.executeScript`); they leave their parts and this interface on the isolated world's
 * global object, which the page cannot see. Besides types, this module holds only the few lines
 * that install and find those parts, so importing it costs the page-load script next to nothing.
 */
import type { FirstContactVerdict } from '../engine/first-contact';
import type { DraftFacts } from '../engine/analyze';
import type { SlicedAnalysis } from '../engine/sliced';
import type { AnalysisContext, Draft, Finding } from '../engine/types';
import type { ComposeUi } from './compose-ui';

export interface ContentEngine {
  analyze(draft: Draft, context: Partial<AnalysisContext>): Finding[];
  /** The findings and the draft's facts (the language of the writer's words, first contact …). */
  analyzeDraft(draft: Draft, context: Partial<AnalysisContext>): { findings: Finding[]; facts: DraftFacts };
  /**
   * The same analysis in steps (src/engine/sliced.ts): a draft longer than about 30,000
   * characters is read window by window, so that no step holds the page for long.
   */
  analyzeInSlices(draft: Draft, context: Partial<AnalysisContext>): SlicedAnalysis;
  /** First-contact verdict for the compose's display (quote detection shares the engine's split cache). */
  firstContact(draft: Draft, hasWrittenTo: (address: string) => boolean | undefined): FirstContactVerdict;
  /** Compiles phrase tables for about `budgetMs`; true when none is left. */
  compilePendingTables(budgetMs: number): boolean;
  /** The compose UI (overlay, card, badge, the check-at-Send dialog): loaded with the engine. */
  readonly ui: ComposeUi;
}

/**
 * The built engine, relative to the extension's root (WXT's unlisted-script output), in the steps
 * the background injects them, each script in a call and a task of its own, the scripts of a step
 * in flight together (none needs another of its step), each step once the one before is in:
 *
 * 1. compromise's data computed at build time, its lexicon (entrypoints/engine-tagger-lexicon.ts)
 *    and the rest (engine-tagger-data.ts), and compromise/one's code (engine-tagger-one.ts);
 * 2. the tagger (entrypoints/engine-tagger.ts: compromise/two's plugins), which finds them on the
 *    isolated world's global;
 * 3. the compiled phrase tables (entrypoints/engine-tables.ts) and the compose UI
 *    (entrypoints/engine-ui.ts: compose-ui.ts, the overlay, the check at Send, the settings code);
 * 4. the engine and the rules (entrypoints/engine.ts), which find the tagger, the tables and the
 *    compose UI there (scripts/engine-split.mjs).
 *
 * As one script it was 1.5 MB of code and data to compile in one task; as four, the tagger's
 * script was still a task of 35 ms in a cold compose, the engine's 35-45 ms and compromise's data
 * 28-31 ms, 50-60 when this machine is slow (issue 12: no task over 50 ms). The tagger comes early because its preparation
 * (nlp.prepareTagger) needs nothing else: the content script runs it in slices while the
 * background injects the rest (engine-loader.ts), on a main thread that would otherwise wait for
 * those round trips.
 */
export const ENGINE_SCRIPT_STEPS = [['/engine-tagger-lexicon.js', '/engine-tagger-one.js', '/engine-tagger-data.js'], ['/engine-tagger.js'], ['/engine-tables.js', '/engine-ui.js'], ['/engine.js']] as const;

/** Every engine script (ENGINE_SCRIPT_STEPS), in the order the background asks for them. */
export const ENGINE_SCRIPT_FILES = ENGINE_SCRIPT_STEPS.flat();

/** The isolated world's global under which the engine script leaves its interface. */
const ENGINE_GLOBAL = '__nemawashiEngine';

/**
 * The isolated world's globals under which the other scripts leave their part (wxt.config.ts gives
 * them to scripts/engine-split.mjs, which reads the tagger, the tables and the compose UI in the
 * engine script's build, and compromise's data and code in the tagger script's;
 * tests/manifest.test.ts checks the built scripts read them).
 */
export const ENGINE_PART_GLOBALS = { tables: '__nemawashiTables', nlp: '__nemawashiTagger', taggerData: '__nemawashiTaggerData', taggerLexicon: '__nemawashiTaggerLexicon', taggerOne: '__nemawashiTaggerOne', ui: '__nemawashiComposeUi' } as const;

/**
 * The isolated world's global under which the engine loader (engine-loader.ts) leaves a function
 * that each injected part calls once installed, so that the loader starts on a part's warm-up as
 * soon as it is there rather than when the last script is.
 */
const PART_LISTENER_GLOBAL = '__nemawashiEnginePartListener';

export type EnginePart = keyof typeof ENGINE_PART_GLOBALS | 'engine';

function announce(part: EnginePart): void {
  const listener = (globalThis as Record<string, unknown>)[PART_LISTENER_GLOBAL];
  if (typeof listener === 'function') (listener as (part: EnginePart) => void)(part);
}

/** Called by the engine loader: `listener` hears of each part as it is installed (undefined: no more). */
export function listenForEngineParts(listener: ((part: EnginePart) => void) | undefined): void {
  Object.defineProperty(globalThis, PART_LISTENER_GLOBAL, { value: listener, configurable: true, enumerable: false, writable: false });
}

/** Called by each engine script but the engine's own (installEngine) once evaluated. */
export function installEnginePart(part: keyof typeof ENGINE_PART_GLOBALS, value: unknown): void {
  Object.defineProperty(globalThis, ENGINE_PART_GLOBALS[part], { value, configurable: true, enumerable: false, writable: false });
  announce(part);
}

/** A part the background has injected into this world (undefined until then). */
export function installedEnginePart(part: keyof typeof ENGINE_PART_GLOBALS): unknown {
  return (globalThis as Record<string, unknown>)[ENGINE_PART_GLOBALS[part]];
}

/** Called by the engine script once it has evaluated. */
export function installEngine(engine: ContentEngine): void {
  Object.defineProperty(globalThis, ENGINE_GLOBAL, { value: engine, configurable: true, enumerable: false, writable: false });
  announce('engine');
}

/** The engine, when the engine script has run in this world. */
export function installedEngine(): ContentEngine | undefined {
  return (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] as ContentEngine | undefined;
}
