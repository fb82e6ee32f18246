/**
 * The labelled Japanese drafts (../shared/corpus-ja, outside this repository) measured as
 * `npm run eval:ja` measures them (issue 15): micro precision and recall over (draft, rule) pairs
 * ≥ 0.95, first contact as the manifest says, and every draft judged to be written in Japanese
 * although most carry quoted messages and signatures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { parseEml } from '../src/cli/eml';
import { analyzeDraft } from '../src/nemawashi';
import { describeCorpus } from './corpus-eval';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus-ja');

describeCorpus('Japanese corpus evaluation', CORPUS, {
  drafts: 40,
  more: () => {
    it('judges every draft to be written in Japanese', async () => {
      const manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8')) as Array<{ file: string }>;
      for (const { file } of manifest) {
        const draft = await parseEml(readFileSync(resolve(CORPUS, file)));
        expect(analyzeDraft(draft, { packs: ['common', 'ja'] }).facts.language, file).toBe('ja');
      }
    });
  },
});
