/**
 * Analysis in slices (src/engine/sliced.ts): a long draft is read window by window so that the
 * content script never holds the page for long; a draft of normal length is one step, exactly
 * the analysis it always had.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDraft, analyzeInSlices, draftWindows, LARGE_DRAFT_CHARS, WINDOW_CHARS, type Finding } from '../src/nemawashi';

const spans = (fs: Finding[]) => fs.filter((f) => f.start !== undefined).map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.excerpt}`);

function runAll(body: string, context = {}) {
  const job = analyzeInSlices({ body }, context);
  let steps = 0;
  // A deadline already past: each step analyses exactly one window.
  while (!job.step(0)) steps++;
  return { job, steps: steps + 1, result: job.result() };
}

describe('analysis in slices', () => {
  it('a draft of normal length is one step with the same findings as analyzeDraft', () => {
    const body = 'Hi Ken,\n\nPlease CALL US before Friday. We need the signed NDA ASAP!!!\n\nBest,\nAmy';
    const ctx = { packs: ['common', 'ja', 'us'] as const };
    const { steps, result, job } = runAll(body, { packs: [...ctx.packs] });
    expect(steps).toBe(1);
    expect(job.windows).toBe(1);
    expect(result).toEqual(analyzeDraft({ body }, { packs: [...ctx.packs] }));
  });

  it('cuts a long draft between paragraphs, and a giant paragraph between sentences, into windows that cover it in order', () => {
    const para = 'Please CALL US before Friday. We CANNOT pass that increase on to our retailers. Thank you for the samples.';
    const body = Array.from({ length: 600 }, (_, i) => `${para} (${i})`).join('\n\n') + '\n\n' + `${para} `.repeat(2000);
    expect(body.length).toBeGreaterThan(LARGE_DRAFT_CHARS * 5);
    const windows = draftWindows(body);
    expect(windows.length).toBeGreaterThan(body.length / WINDOW_CHARS);
    let at = 0;
    for (const w of windows) {
      expect(w.start).toBeGreaterThanOrEqual(at);
      expect(w.end - w.start).toBeLessThanOrEqual(WINDOW_CHARS + 1);
      // Nothing but spaces between windows: no words are skipped.
      expect(body.slice(at, w.start).trim()).toBe('');
      at = w.end;
    }
    expect(body.slice(at).trim()).toBe('');
    // Cut after a sentence's end, never inside a word.
    for (const w of windows.slice(0, -1)) expect(body.slice(w.end - 1, w.end + 1)).toMatch(/[.)\s]\s|[.)]$/);
  });

  it('finds in a long draft, window by window, the sentence-level findings of the whole draft', () => {
    const para = 'Please CALL US before Friday. We CANNOT pass that increase on to our retailers. Thank you for the samples.';
    const body = Array.from({ length: 400 }, (_, i) => `${para} (${i})`).join('\n\n');
    expect(body.length).toBeGreaterThan(LARGE_DRAFT_CHARS);
    const ctx = { packs: ['common' as const] };
    const { steps, result } = runAll(body, ctx);
    expect(steps).toBeGreaterThan(10);
    const whole = analyzeDraft({ body }, ctx);
    expect(spans(result.findings)).toEqual(spans(whole.findings));
    expect(result.findings.length).toBe(800);
  });

  it('reads a 1,000,000-character paragraph with no sentence end in windows, and never throws', () => {
    const body = 'ASAP '.repeat(200_000);
    const job = analyzeInSlices({ body }, { packs: ['common', 'ja', 'us'] });
    let steps = 0;
    while (!job.step(0)) steps++;
    expect(job.windows).toBeGreaterThanOrEqual(body.length / WINDOW_CHARS);
    expect(steps + 1).toBe(job.steps);
    const { findings } = job.result();
    expect(findings.every((f) => f.start === undefined || (f.start >= 0 && f.end! <= body.length))).toBe(true);
  }, 120_000);

  it('reports a finding about the whole draft once, not once per window', () => {
    const body = Array.from({ length: 300 }, () => 'We will review the proposal and get back to you with our thoughts on the terms.').join('\n\n');
    const { result } = runAll(body, { packs: ['common', 'us'] });
    const whole = result.findings.filter((f) => f.start === undefined);
    expect(new Set(whole.map((f) => `${f.ruleId}|${f.target}`)).size).toBe(whole.length);
  });
});
