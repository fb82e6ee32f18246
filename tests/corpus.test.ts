/**
 * The labelled corpus (../shared/corpus, outside this repository) measured as `nemawashi eval`
 * measures it. The thresholds are issue 2's targets: micro precision and recall over
 * (draft, rule) pairs ≥ 0.95, and first contact detected as the manifest says.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatEval, type EvalResult } from '../src/cli/eval';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
const present = existsSync(resolve(CORPUS, 'manifest.json'));

if (!present) {
  console.warn(`tests/corpus.test.ts: skipped, no corpus at ${CORPUS} (the labelled .eml files and manifest.json live outside the repository)`);
}

describe.skipIf(!present)(`corpus evaluation (${CORPUS})`, () => {
  let result: EvalResult | undefined;
  const get = async (): Promise<EvalResult> => (result ??= await evaluate(CORPUS));

  it('reads every message of the manifest', async () => {
    const r = await get();
    expect(r.errors).toEqual([]);
    expect(r.drafts).toBeGreaterThan(0);
  });

  it('reaches micro precision and recall of 0.95', async () => {
    const r = await get();
    // The full table, so a failure says which rules and drafts miss.
    const report = formatEval(r);
    expect(r.micro.precision, report).toBeGreaterThanOrEqual(0.95);
    expect(r.micro.recall, report).toBeGreaterThanOrEqual(0.95);
  });

  it('detects first contact as the manifest says', async () => {
    const r = await get();
    expect(r.firstContact.total).toBeGreaterThan(0);
    expect(r.firstContact.disagreements).toEqual([]);
  });
});
