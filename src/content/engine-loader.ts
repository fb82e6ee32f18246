/**
 * Loads the engine into this isolated world when the first compose appears (engine-api.ts):
 * asks the background to inject the engine script, then compiles the phrase tables and warms
 * the tagger in short slices, each its own task, so that no step is a long task (> 50 ms) on a
 * page the user is typing in.
 */
import { sendToBackground } from '../messages';
import { installedEngine, type ContentEngine } from './engine-api';

/** Work per slice: well under the 50 ms of a long task, leaving room for the page's own work. */
const SLICE_MS = 8;

export interface EngineLoadTiming {
  /** Message to the background → engine script evaluated (the injection's round trip). */
  injectMs: number;
  /** Main-thread time compiling phrase tables and warming the tagger, over all slices. */
  warmUpMs: number;
  /** Longest single slice. */
  longestSliceMs: number;
  /** Which slice was longest: "tables 3" (the 4th table slice) or "tagger 12". */
  longestSlice: string;
  /** Request → ready, wall time. */
  totalMs: number;
}

/** Yields to the event loop: the next slice runs in a new task, after input and rendering. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

async function inject(): Promise<ContentEngine> {
  const already = installedEngine();
  if (already) return already;
  const res = await sendToBackground({ type: 'engine:load' });
  const engine = installedEngine();
  if (!engine) throw new Error(`the engine script did not load${res?.error ? `: ${res.error}` : ''}`);
  return engine;
}

/** Injects (if needed) and warms the engine; rejects when the background could not inject it. */
export async function loadEngine(signal: AbortSignal): Promise<{ engine: ContentEngine; timing: EngineLoadTiming }> {
  const t0 = performance.now();
  const engine = await inject();
  const injected = performance.now();
  let warmUpMs = 0;
  let longestSliceMs = 0;
  let longestSlice = '';
  let n = 0;
  const slice = (phase: string, step: () => boolean): boolean => {
    const s = performance.now();
    const done = step();
    const d = performance.now() - s;
    warmUpMs += d;
    if (d > longestSliceMs) {
      longestSliceMs = d;
      longestSlice = `${phase} ${n}`;
    }
    n++;
    return done;
  };
  // Each table compiled now is one the first analysis does not compile inside its own task.
  while (!signal.aborted && !slice('tables', () => engine.compilePendingTables(SLICE_MS))) await nextTask();
  n = 0;
  while (!signal.aborted && !slice('tagger', () => engine.warmUpStep())) await nextTask();
  return {
    engine,
    timing: { injectMs: injected - t0, warmUpMs, longestSliceMs, longestSlice, totalMs: performance.now() - t0 },
  };
}
