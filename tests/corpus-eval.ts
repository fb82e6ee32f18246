/**
 * What every labelled corpus is held to, as `nemawashi eval` measures it: each message of the
 * manifest read, micro precision and recall over (draft, rule) pairs ≥ 0.95 (issue 2's targets),
 * first contact as the manifest says. The corpora live outside this repository (../shared): a
 * missing one is skipped with a warning. Returns the evaluation for a corpus's own further tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatEval, type EvalResult } from '../src/cli/eval';

export function describeCorpus(
  title: string,
  dir: string,
  opts: { drafts?: number; more?: (get: () => Promise<EvalResult>) => void } = {},
): void {
  const present = existsSync(resolve(dir, 'manifest.json'));
  if (!present) console.warn(`${title}: skipped, no corpus at ${dir} (the labelled .eml files and manifest.json live outside the repository)`);

  describe.skipIf(!present)(`${title} (${dir})`, () => {
    let result: EvalResult | undefined;
    const get = async (): Promise<EvalResult> => (result ??= await evaluate(dir));

    it('reads every message of the manifest', async () => {
      const r = await get();
      expect(r.errors).toEqual([]);
      if (opts.drafts === undefined) expect(r.drafts).toBeGreaterThan(0);
      else expect(r.drafts).toBe(opts.drafts);
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

    opts.more?.(get);
  });
}
