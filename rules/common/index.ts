import type { Rule } from '../../src/engine';

/** The `common` pack: general business tone, on for every audience. */
export const commonRules: Rule[] = [];
