import type { Rule } from '../../src/engine';

/** The `us` pack: writing to American recipients. */
export const usRules: Rule[] = [];
