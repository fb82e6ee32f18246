/**
 * The content script's lifetime (src/content/lifetime.ts): WXT's context can be aborted by an
 * event the page dispatches; the checker stops only when the extension itself is gone, or when
 * a newer copy of it starts in the same frame. The page-side attack runs in Chromium:
 * tests/e2e/hostile-page.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { contentLifetime } from '../src/content/lifetime';

describe('contentLifetime', () => {
  it('ignores a stop of WXT’s context while the extension is alive (a forged event)', () => {
    const ctx = new AbortController();
    const signal = contentLifetime({ contextSignal: ctx.signal, runtimeAlive: () => true, scope: {} });
    ctx.abort('forged');
    expect(signal.aborted).toBe(false);
  });

  it('stops when the extension went away (update, reload)', () => {
    const ctx = new AbortController();
    let alive = true;
    const signal = contentLifetime({ contextSignal: ctx.signal, runtimeAlive: () => alive, scope: {} });
    alive = false;
    ctx.abort('newer script');
    expect(signal.aborted).toBe(true);
  });

  it('after a forged stop, a real update still stops it (its own listener stays)', () => {
    const ctx = new AbortController();
    const doc = new EventTarget() as unknown as Document;
    let alive = true;
    const signal = contentLifetime({ contextSignal: ctx.signal, runtimeAlive: () => alive, scope: {}, doc, startedEventName: 'x:content:wxt:content-script-started' });
    ctx.abort('forged');
    doc.dispatchEvent(new Event('x:content:wxt:content-script-started'));
    expect(signal.aborted).toBe(false);
    alive = false;
    doc.dispatchEvent(new Event('x:content:wxt:content-script-started'));
    expect(signal.aborted).toBe(true);
  });

  it('a second copy in the same world replaces the first', () => {
    const scope = {};
    const first = contentLifetime({ contextSignal: new AbortController().signal, runtimeAlive: () => true, scope });
    const second = contentLifetime({ contextSignal: new AbortController().signal, runtimeAlive: () => true, scope });
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
  });
});
