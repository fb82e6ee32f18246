import type { Rule } from '../../src/engine';
import exclamationOveruse from './exclamation-overuse';
import shouting from './shouting';

/** The `common` pack: general business tone, on for every audience. */
export const commonRules: Rule[] = [shouting, exclamationOveruse];
