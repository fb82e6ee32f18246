import type { Rule } from '../../src/engine';
// -- imports: apology, contract and request rules --
// -- imports: tone, humor, meeting and register rules --

/** The `ja` pack: writing to Japanese recipients (paraphrasing shared/seed). */
export const jaRules: Rule[] = [
  // -- apology, contract and request rules --
  // -- tone, humor, meeting and register rules --
];
