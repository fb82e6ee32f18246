import type { Rule } from '../src/engine';
import { commonRules } from './common';
import { jaRules } from './ja';
import { usRules } from './us';

/** Every rule of the catalogue (RULES.md), by pack. */
export const packs = { common: commonRules, ja: jaRules, us: usRules } as const;
export const allRules: readonly Rule[] = [...commonRules, ...jaRules, ...usRules];
