/**
 * The labelled Japanese drafts (../shared/corpus-ja, outside this repository) measured as
 * `npm run eval:ja` measures them (issue 15): micro precision and recall over (draft, rule) pairs
 * ≥ 0.95, first contact as the manifest says, and every draft judged to be written in Japanese
 * although most carry quoted messages and signatures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatEval, type EvalResult } from '../src/cli/eval';
import { parseEml } from '../src/cli/eml';
import { analyzeDraft } from '../src/nemawashi';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus-ja');
const present = existsSync(resolve(CORPUS, 'manifest.json'));

if (!present) console.warn(`tests/corpus-ja.test.ts: skipped, no corpus at ${CORPUS}`);

describe.skipIf(!present)(`Japanese corpus evaluation (${CORPUS})`, () => {
  let result: EvalResult | undefined;
  const get = async (): Promise<EvalResult> => (result ??= await evaluate(CORPUS));

  it('reads every message of the manifest', async () => {
    const r = await get();
    expect(r.errors).toEqual([]);
    expect(r.drafts).toBe(40);
  });

  it('reaches micro precision and recall of 0.95', async () => {
    const r = await get();
    const report = formatEval(r);
    expect(r.micro.precision, report).toBeGreaterThanOrEqual(0.95);
    expect(r.micro.recall, report).toBeGreaterThanOrEqual(0.95);
  });

  it('detects first contact as the manifest says', async () => {
    const r = await get();
    expect(r.firstContact.disagreements).toEqual([]);
  });

  it('judges every draft to be written in Japanese', async () => {
    const manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8')) as Array<{ file: string }>;
    for (const { file } of manifest) {
      const draft = await parseEml(readFileSync(resolve(CORPUS, file)));
      expect(analyzeDraft(draft, { packs: ['common', 'ja'] }).facts.language, file).toBe('ja');
    }
  });
});
