import type { Rule } from '../../src/engine';
// -- imports: apology, contract and request rules --
import bluntImperative from './blunt-imperative';
import signaturePressure from './signature-pressure';
import contractOnFirstContact from './contract-on-first-contact';
import deflectingBlame from './deflecting-blame';
import nonApology from './non-apology';
import pressure from './pressure';
import missingApology from './missing-apology';
// -- imports: tone, humor, meeting and register rules --
import harshNegative from './harsh-negative';
import selfCentered from './self-centered';
import humor from './humor';
import punctuality from './punctuality';
import offerInPerson from './offer-in-person';
import casualRegister from './casual-register';
// -- imports: drafts written in Japanese (business-mail conventions) --
import openingFormula from './opening-formula';
import closingFormula from './closing-formula';
import plainForm from './plain-form';
import keigoMisuse from './keigo-misuse';
import saseteItadaku from './sasete-itadaku';
import addresseeHonorific from './addressee-honorific';

/** The `ja` pack: writing to Japanese recipients (paraphrasing shared/seed). */
export const jaRules: Rule[] = [
  // -- apology, contract and request rules --
  missingApology,
  pressure,
  nonApology,
  deflectingBlame,
  contractOnFirstContact,
  signaturePressure,
  bluntImperative,
  // -- tone, humor, meeting and register rules --
  harshNegative,
  selfCentered,
  humor,
  punctuality,
  offerInPerson,
  casualRegister,
  // -- drafts written in Japanese (business-mail conventions) --
  openingFormula,
  closingFormula,
  plainForm,
  keigoMisuse,
  saseteItadaku,
  addresseeHonorific,
];
