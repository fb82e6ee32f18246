/**
 * `user/phrases` switches off all of the user's phrases; one phrase is `user/<its id>`. A phrase
 * whose id were `phrases` would be that switch: the settings refuse the id, an older stored one is
 * renamed (its words kept), and new ids can never take it.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, RESERVED_PHRASE_ID, USER_PHRASES_SWITCH, userPhraseRuleId, type AnalysisContext, type UserPhrase } from '../src/engine';
import { DEFAULT_SETTINGS, repairSettings, validateSettings, type Settings } from '../src/settings';
import { newPhraseId } from '../src/settings/normalize';
import { rules } from '../src/nemawashi';

const phrase = (id: string, words: string): UserPhrase => ({ id, phrase: words, pack: 'us', message: `Avoid ${words}.` });
const withPhrases = (...userPhrases: UserPhrase[]): Settings => ({ ...DEFAULT_SETTINGS, userPhrases });

describe('the switch for all phrases', () => {
  it('is the rule id a phrase named "phrases" would have', () => {
    expect(userPhraseRuleId(RESERVED_PHRASE_ID)).toBe(USER_PHRASES_SWITCH);
  });

  it('the settings refuse a phrase with the id "phrases", and say why', () => {
    const problems = validateSettings(withPhrases(phrase('phrase-1', 'circle back'), phrase('phrases', 'synergy')));
    expect(problems).toEqual([{ path: 'userPhrases[1].id', code: 'reserved', found: '"phrases"' }]);
    expect(validateSettings(withPhrases(phrase('phrase-1', 'circle back'), phrase('phrases-2', 'synergy')))).toEqual([]);
  });

  it('a stored phrase with that id keeps its words under a fresh id', () => {
    const { settings, repaired } = repairSettings(withPhrases(phrase('phrase-1', 'circle back'), phrase('phrases', 'synergy')));
    expect(settings.userPhrases.map((p) => [p.id, p.phrase])).toEqual([
      ['phrase-1', 'circle back'],
      ['phrase-3', 'synergy'],
    ]);
    expect(repaired).toEqual(['userPhrases[1].id']);
    expect(validateSettings(settings)).toEqual([]);
  });

  it('new phrase ids are never in use and never the reserved one', () => {
    expect(newPhraseId([])).toBe('phrase-1');
    expect(newPhraseId([phrase('phrase-2', 'a')])).toBe('phrase-3');
    expect(newPhraseId([phrase('phrase-2', 'a'), phrase('phrase-3', 'b')])).toBe('phrase-4');
  });

  it('in the engine, turning one phrase off leaves the others on; the switch turns all off', () => {
    const engine = createEngine(rules);
    const ctx = (disabledRules: string[]): AnalysisContext => ({
      packs: ['common', 'us'],
      region: 'east',
      sector: 'traditional',
      firstContact: 'no',
      lang: 'en',
      disabledRules,
      userPhrases: [phrase('phrase-1', 'circle back'), phrase('phrase-2', 'synergy')],
    });
    const ids = (disabled: string[]) =>
      engine
        .analyze({ body: 'Let us circle back on the synergy next week.', recipients: [] }, ctx(disabled))
        .filter((f) => f.ruleId.startsWith('user/'))
        .map((f) => f.ruleId);
    expect(ids([])).toEqual(['user/phrase-1', 'user/phrase-2']);
    expect(ids([userPhraseRuleId('phrase-1')])).toEqual(['user/phrase-2']);
    expect(ids([USER_PHRASES_SWITCH])).toEqual([]);
  });
});
