/**
 * The background's injection of the engine (src/background/handlers.ts, injectEngine): one call
 * per script, the scripts of a step in flight together, a step only once every script of the one
 * before is in (a script reads what the steps before it left: src/content/engine-api.ts).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { injectEngine } from '../src/background/handlers';
import { ENGINE_SCRIPT_STEPS } from '../src/content/engine-api';

type Call = { file: string; frameIds: number[]; done: () => void; fail: (err: Error) => void };

let calls: Call[];
beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  // Each call stays pending until the test settles it, as the page's task would.
  vi.spyOn(browser.scripting, 'executeScript').mockImplementation(((opts: { files: string[]; target: { frameIds: number[] } }) =>
    new Promise<never[]>((resolve, reject) => {
      expect(opts.files).toHaveLength(1);
      calls.push({ file: opts.files[0]!, frameIds: opts.target.frameIds, done: () => resolve([]), fail: reject });
    })) as unknown as typeof browser.scripting.executeScript);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const tick = () => new Promise((r) => setTimeout(r, 0));
const files = () => calls.map((c) => c.file);

it('injects step by step, the scripts of a step together, into the frame that asked', async () => {
  expect(ENGINE_SCRIPT_STEPS.some((step) => step.length > 1)).toBe(true);
  const result = injectEngine(7, 3);
  let asked: string[] = [];
  for (const [i, step] of ENGINE_SCRIPT_STEPS.entries()) {
    await tick();
    // This step's scripts are all asked for, and nothing of the next one yet.
    asked = [...asked, ...step];
    expect(files()).toEqual(asked);
    const pending = calls.slice(-step.length);
    // A step whose last script is not in yet holds the next one back, whatever the order they finish in.
    for (const c of [...pending].reverse().slice(0, -1)) c.done();
    await tick();
    expect(files(), `step ${i}`).toEqual(asked);
    pending[0]!.done();
  }
  expect(await result).toEqual({ ok: true });
  expect(new Set(calls.flatMap((c) => c.frameIds))).toEqual(new Set([3]));
});

it('reports a script that could not be injected, and injects nothing after its step', async () => {
  const result = injectEngine(7, 0);
  await tick();
  const first = ENGINE_SCRIPT_STEPS[0];
  expect(files()).toEqual([...first]);
  calls[0]!.fail(new Error('Cannot access contents of the page'));
  for (const c of calls.slice(1)) c.done();
  expect(await result).toEqual({ ok: false, error: 'Cannot access contents of the page' });
  await tick();
  expect(files()).toEqual([...first]);
});
