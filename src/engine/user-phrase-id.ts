/**
 * How the user's own phrases are named among the rules: a phrase with id `phrase-3` reports as
 * rule `user/phrase-3` (its findings, its "Turn off" mark in disabledRules), and `user/phrases`
 * switches all of them off at once (the CLI's `--disable user/phrases`). So `phrases` is not a
 * phrase id: the settings refuse it (src/settings/validate.ts), so one phrase can never act as
 * the switch for all.
 */
export const USER_PHRASES_SWITCH = 'user/phrases';
export const RESERVED_PHRASE_ID = 'phrases';
const PREFIX = 'user/';

/** The rule id of one of the user's (or the organisation's) phrases. */
export function userPhraseRuleId(phraseId: string): string {
  return PREFIX + phraseId;
}

/** Whether a rule id names one of the user's phrases or the switch for all of them. */
export function isUserPhraseRuleId(ruleId: string): boolean {
  return ruleId.startsWith(PREFIX);
}
