/**
 * src/content/engine-loader.ts. loadEngine: the tagger's warm-up (its preparation, then a few
 * sentences) runs in slices as soon as the tagger script is in, before the engine's script if there
 * is time and after it otherwise, and once only. compileTablesAtIdle: after the first compose's
 * analysis, the phrase tables no analysis has used yet compile in short slices when the page is
 * idle, until none is left, and stop with the page's content script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileTablesAtIdle, loadEngine, nextTask } from '../src/content/engine-loader';
import { ENGINE_PART_GLOBALS, installEngine, installEnginePart, type ContentEngine } from '../src/content/engine-api';

// The background's answer to 'engine:load': the test injects the parts itself, then answers.
let answer: (() => void) | undefined;
vi.mock('../src/messages', () => ({
  sendToBackground: () =>
    new Promise((resolve) => {
      answer = () => resolve({ ok: true });
    }),
}));

/** A tagger as the tagger script leaves it: its preparation takes `prepareSteps` calls. */
function fakeTagger(prepareSteps: number) {
  const log: string[] = [];
  let prepared = 0;
  const tagger = Object.assign(
    (text: string) => {
      log.push(`tag ${text}`);
      return { json: () => [] };
    },
    {
      prepareTagger: () => {
        log.push('prepare');
        return ++prepared >= prepareSteps;
      },
    },
  );
  return { tagger, log };
}

describe('loadEngine', () => {
  afterEach(() => {
    for (const name of [...Object.values(ENGINE_PART_GLOBALS), '__nemawashiEngine', '__nemawashiEnginePartListener']) delete (globalThis as Record<string, unknown>)[name];
    answer = undefined;
  });
  const engine = { ui: {} } as unknown as ContentEngine;
  const tasks = async (n: number) => {
    for (let i = 0; i < n; i++) await nextTask();
  };

  it('warms the tagger while the engine is injected: its preparation, then its sentences, each once', async () => {
    const { tagger, log } = fakeTagger(2);
    const loading = loadEngine(new AbortController().signal);
    installEnginePart('nlp', tagger);
    await tasks(20);
    // All done before the engine's script: a slice a task, the preparation first.
    expect(log.slice(0, 2)).toEqual(['prepare', 'prepare']);
    expect(log.slice(2).every((l) => l.startsWith('tag '))).toBe(true);
    const warmed = [...log];
    expect(warmed.length).toBeGreaterThan(3);
    installEngine(engine);
    answer?.();
    const { engine: loaded, timing } = await loading;
    expect(loaded).toBe(engine);
    // Nothing is tagged again once the engine is in.
    expect(log).toEqual(warmed);
    expect(timing.warmUpDuringInjectMs).toBe(timing.warmUpMs);
  });

  it('finishes the warm-up after the engine when the engine comes first', async () => {
    const { tagger, log } = fakeTagger(3);
    const loading = loadEngine(new AbortController().signal);
    installEnginePart('nlp', tagger);
    installEngine(engine);
    answer?.();
    await loading;
    expect(log.filter((l) => l === 'prepare')).toHaveLength(3);
    const sentences = log.filter((l) => l.startsWith('tag '));
    expect(sentences.length).toBeGreaterThan(1);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(log.indexOf('prepare', 2)).toBeLessThan(log.indexOf(sentences[0]!));
  });

  it('does not warm an engine that was already in this world', async () => {
    const { tagger, log } = fakeTagger(1);
    installEnginePart('nlp', tagger);
    installEngine(engine);
    await loadEngine(new AbortController().signal);
    expect(log).toEqual([]);
  });
});

function engineWithTables(slicesNeeded: number) {
  const budgets: number[] = [];
  const engine = {
    compilePendingTables: (budgetMs: number) => {
      budgets.push(budgetMs);
      return budgets.length >= slicesNeeded;
    },
  } as unknown as ContentEngine;
  return { engine, budgets };
}

describe('compileTablesAtIdle', () => {
  let idle: Array<(deadline: IdleDeadline) => void>;
  beforeEach(() => {
    idle = [];
    vi.stubGlobal('requestIdleCallback', (run: (deadline: IdleDeadline) => void) => idle.push(run));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const idlePeriod = (ms: number) => idle.shift()!({ didTimeout: false, timeRemaining: () => ms });

  it('compiles nothing at once, then one short slice per idle period until no table is left', () => {
    const { engine, budgets } = engineWithTables(3);
    compileTablesAtIdle(engine, new AbortController().signal);
    expect(budgets).toEqual([]);
    idlePeriod(40);
    idlePeriod(3);
    idlePeriod(20);
    // No slice longer than 8 ms, nor longer than the idle period left.
    expect(budgets).toEqual([8, 3, 8]);
    expect(idle).toHaveLength(0);
  });

  it('stops when the content script stops', () => {
    const { engine, budgets } = engineWithTables(10);
    const stop = new AbortController();
    compileTablesAtIdle(engine, stop.signal);
    idlePeriod(10);
    stop.abort();
    idlePeriod(10);
    expect(budgets).toEqual([8]);
    expect(idle).toHaveLength(0);
  });
});
