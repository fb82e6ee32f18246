import type { Rule } from '../../src/engine';
// -- imports: apology, contract and request rules --
import missingApology from './missing-apology';
// -- imports: tone, humor, meeting and register rules --

/** The `ja` pack: writing to Japanese recipients (paraphrasing shared/seed). */
export const jaRules: Rule[] = [
  // -- apology, contract and request rules --
  missingApology,
  // -- tone, humor, meeting and register rules --
];
