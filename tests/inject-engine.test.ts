/**
 * The background's injection of the engine (src/background/handlers.ts, injectEngine): the chain
 * of scripts one call each, in order; the compose UI in flight beside the first ones and waited for
 * before the engine's script, which reads it (src/content/engine-api.ts).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { injectEngine } from '../src/background/handlers';
import { ENGINE_SCRIPT_FILES, ENGINE_UI_FILE } from '../src/content/engine-api';

type Call = { file: string; done: () => void; fail: (err: Error) => void };

let calls: Call[];
beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  // Each call stays pending until the test settles it, as the page's task would.
  vi.spyOn(browser.scripting, 'executeScript').mockImplementation(((opts: { files: string[] }) =>
    new Promise<never[]>((resolve, reject) => {
      calls.push({ file: opts.files[0]!, done: () => resolve([]), fail: reject });
    })) as unknown as typeof browser.scripting.executeScript);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const tick = () => new Promise((r) => setTimeout(r, 0));
const files = () => calls.map((c) => c.file);

it('injects the compose UI beside the chain, and the engine only once the UI is in', async () => {
  const result = injectEngine(7, 0);
  await tick();
  expect(files()).toEqual([ENGINE_UI_FILE, ENGINE_SCRIPT_FILES[0]]);
  // The chain goes on, one at a time, while the UI's call is still pending.
  for (let i = 1; i < ENGINE_SCRIPT_FILES.length - 1; i++) {
    calls[i]!.done();
    await tick();
    expect(files().at(-1)).toBe(ENGINE_SCRIPT_FILES[i]);
  }
  calls.at(-1)!.done();
  await tick();
  // The last of the chain is done: the engine waits for the UI.
  expect(files()).not.toContain(ENGINE_SCRIPT_FILES.at(-1));
  calls[0]!.done();
  await tick();
  expect(files().at(-1)).toBe(ENGINE_SCRIPT_FILES.at(-1));
  calls.at(-1)!.done();
  expect(await result).toEqual({ ok: true });
});

it('reports a UI that could not be injected, and does not inject the engine', async () => {
  const result = injectEngine(7, 0);
  await tick();
  calls[0]!.fail(new Error('Cannot access contents of the page'));
  for (let i = 1; i < ENGINE_SCRIPT_FILES.length; i++) {
    calls[i]!.done();
    await tick();
  }
  expect(await result).toEqual({ ok: false, error: 'Cannot access contents of the page' });
  expect(files()).not.toContain(ENGINE_SCRIPT_FILES.at(-1));
});
