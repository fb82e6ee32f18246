/**
 * The engine's bounded cache (src/engine/lru.ts) and the paragraph cache's bound in characters
 * (issue 12: typing for ten minutes in a 5,000-word draft grew the heap by 4.4 MB a minute, every
 * version of the paragraph being typed kept with its tokens, matches and memos).
 */
import { describe, expect, it } from 'vitest';
import { Lru } from '../src/engine/lru';
import { paragraphCacheFigures } from '../src/engine/analyze';
import { analyze, DEFAULT_CONTEXT, type AnalysisContext } from '../src/nemawashi';
import { makeDraft } from '../bench/drafts';

describe('Lru', () => {
  it('keeps the most recently used entries up to its count', () => {
    const lru = new Lru<number>(8);
    for (let i = 0; i < 8; i++) lru.set(`k${i}`, i);
    lru.get('k0');
    for (let i = 8; i < 30; i++) lru.set(`k${i}`, i);
    expect(lru.size).toBeLessThanOrEqual(9);
    expect(lru.get('k29')).toBe(29);
    expect(lru.get('k1')).toBeUndefined();
  });

  it('keeps keys of at most maxChars characters (and a slack of an eighth)', () => {
    const lru = new Lru<number>(1000, 800);
    for (let i = 0; i < 200; i++) lru.set(`${i}:`.padEnd(100, 'x'), i);
    expect(lru.totalChars).toBeLessThanOrEqual(900);
    expect(lru.size).toBeLessThanOrEqual(9);
    // The newest are the ones kept.
    expect(lru.get(`199:`.padEnd(100, 'x'))).toBe(199);
    expect(lru.get(`150:`.padEnd(100, 'x'))).toBeUndefined();
  });

  it('an entry used again stays; one key longer than the bound is still kept on its own', () => {
    const lru = new Lru<number>(1000, 800);
    lru.set('live'.padEnd(300, 'x'), 1);
    for (let i = 0; i < 50; i++) {
      lru.set(`${i}:`.padEnd(100, 'y'), i);
      expect(lru.get('live'.padEnd(300, 'x'))).toBe(1);
    }
    lru.set('z'.repeat(5000), 2);
    expect(lru.get('z'.repeat(5000))).toBe(2);
    expect(lru.size).toBe(1);
    expect(lru.totalChars).toBe(5000);
  });
});

describe('the paragraph cache while typing in one long paragraph', () => {
  it('stays within its characters however many versions the paragraph has had', () => {
    const ctx: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'ja', 'us'] };
    const paras = makeDraft(1000, 7).split('\n\n');
    const mid = Math.floor(paras.length / 2);
    paras[mid] += ' ' + 'we will confirm the delivery date with the warehouse. '.repeat(60);
    const { maxChars } = paragraphCacheFigures();
    let typed = 0;
    for (let n = 0; n < 120; n++) {
      paras[mid] += `and send the details on day ${n}. `;
      typed += paras[mid]!.length;
      analyze({ body: paras.join('\n\n'), subject: 'Plan', recipients: [] }, ctx);
    }
    // Every version together is far past the bound; the cache holds at most the bound and its slack.
    expect(typed).toBeGreaterThan(2 * maxChars);
    expect(paragraphCacheFigures().chars).toBeLessThanOrEqual(maxChars * 1.125 + paras[mid]!.length);
  });
});
