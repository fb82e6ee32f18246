/**
 * The labelled corpus (../shared/corpus, outside this repository) measured as `nemawashi eval`
 * measures it (tests/corpus-eval.ts): micro precision and recall ≥ 0.95, first contact as the
 * manifest says.
 */
import { resolve } from 'node:path';
import { describeCorpus } from './corpus-eval';

describeCorpus('corpus evaluation', resolve(import.meta.dirname, '../../shared/corpus'));
