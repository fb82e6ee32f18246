import type { Rule } from '../../src/engine';
import buriedAsk from './buried-ask';
import hedging from './hedging';
import noClearAsk from './no-clear-ask';
import overApology from './over-apology';
import overlyFormal from './overly-formal';
import selfDeprecation from './self-deprecation';
import tooLong from './too-long';
import vagueCommitment from './vague-commitment';

/** The `us` pack: writing to American recipients. */
export const usRules: Rule[] = [
  vagueCommitment,
  overApology,
  buriedAsk,
  noClearAsk,
  hedging,
  overlyFormal,
  selfDeprecation,
  tooLong,
];
