/**
 * src/content/engine-loader.ts, compileTablesAtIdle: after the first compose's analysis, the phrase
 * tables no analysis has used yet compile in short slices when the page is idle, until none is
 * left, and stop with the page's content script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileTablesAtIdle } from '../src/content/engine-loader';
import type { ContentEngine } from '../src/content/engine-api';

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
