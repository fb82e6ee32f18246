/**
 * How long this content script runs, decided by the extension and never by the page.
 *
 * WXT 0.20's ContentScriptContext stops the script when a document event named
 * `<extension id>:content:wxt:content-script-started` arrives from "another" instance. A page
 * can dispatch that event too (the id of a store extension is public, and WXT posted it to the
 * page besides): the page then stopped the checker and removed every overlay. So:
 *   - the context's stop is obeyed only when the extension really went away (`runtime.id` is
 *     gone: an update or a reload orphaned this script), checked again on each such event;
 *   - a second copy of this script in the same frame (injected by the manifest and by the
 *     sites the user added) replaces the first through the isolated world's own global, which
 *     page scripts cannot see or touch;
 *   - the entrypoint sets `noScriptStartedPostMessage`, so the id is not posted to the page.
 */
const INSTANCE = Symbol.for('nemawashi.content-script.stop');

export interface LifetimeOptions {
  /** WXT's context signal (aborted by its "newer script started" event, forged or not). */
  contextSignal: AbortSignal;
  /** Whether the extension behind this script still exists (`browser.runtime?.id != null`). */
  runtimeAlive(): boolean;
  /** The document and event name WXT stops on, to notice an update after a forged stop. */
  doc?: Document;
  startedEventName?: string;
  /** The isolated world's global (tests pass their own). */
  scope?: object;
}

export function contentLifetime(opts: LifetimeOptions): AbortSignal {
  const life = new AbortController();
  const scope = (opts.scope ?? globalThis) as Record<symbol, (() => void) | undefined>;
  const stop = (): void => life.abort();
  try {
    scope[INSTANCE]?.();
  } catch {
    // The previous copy was already gone.
  }
  scope[INSTANCE] = stop;
  life.signal.addEventListener('abort', () => {
    if (scope[INSTANCE] === stop) delete scope[INSTANCE];
  });
  const stopIfOrphaned = (): void => {
    if (!opts.runtimeAlive()) stop();
  };
  if (opts.contextSignal.aborted) stopIfOrphaned();
  else opts.contextSignal.addEventListener('abort', stopIfOrphaned, { once: true });
  // WXT's own listener is gone once a forged event aborted its context; this one stays, so a
  // real update later still stops this (then orphaned) copy.
  if (opts.doc && opts.startedEventName) opts.doc.addEventListener(opts.startedEventName, stopIfOrphaned, { signal: life.signal });
  return life.signal;
}
