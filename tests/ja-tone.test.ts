/**
 * Extra cases for the ja tone, humor, meeting and register rules: other wordings of the same
 * class than the rules' own examples, the must-not-fire cases of RULES.md, and the severity
 * that depends on region, sector and the rest of the draft.
 */
import { describe, expect, it } from 'vitest';
import casualRegister from '../rules/ja/casual-register';
import harshNegative from '../rules/ja/harsh-negative';
import humor from '../rules/ja/humor';
import offerInPerson from '../rules/ja/offer-in-person';
import punctuality from '../rules/ja/punctuality';
import selfCentered from '../rules/ja/self-centered';
import { createEngine, DEFAULT_CONTEXT, type AnalysisContext, type Draft, type Finding, type Rule } from '../src/engine';

function run(rule: Rule, body: string, context: Partial<AnalysisContext> = {}, draft: Partial<Draft> = {}): Finding[] {
  return createEngine([rule]).analyze({ body, ...draft }, { ...DEFAULT_CONTEXT, packs: ['ja'], ...context });
}

function cases(rule: Rule, fire: Array<[string, string]>, pass: string[]): void {
  describe(rule.id, () => {
    it.each(fire)('fires on %j', (body, excerpt) => {
      expect(run(rule, body).map((f) => f.excerpt)).toContain(excerpt);
    });
    it.each(pass.map((p) => [p]))('passes %j', (body) => {
      expect(run(rule, body).map((f) => f.excerpt)).toEqual([]);
    });
  });
}

cases(
  harshNegative,
  [
    ['I must disagree with your reading of the contract.', 'I must disagree'],
    ['I have to disagree with the estimate.', 'I have to disagree'],
    ["I'm afraid that won't work for us.", "that won't work"],
    ['This is not acceptable.', 'not acceptable'],
    ['We cannot accept these terms.', 'We cannot accept'],
    ['That makes no sense.', 'That makes no sense'],
    ['You need to fix this by Friday.', 'You need to'],
    ['Your figures are wrong.', 'Your figures are wrong'],
    ['Absolutely not.', 'Absolutely not'],
    ["We won't be paying the storage fee.", "We won't be paying"],
    ['You misunderstood our offer.', 'You misunderstood'],
    ["Why haven't you replied?", "Why haven't you"],
    ['You should have told us earlier.', 'You should have'],
    ['Your engineers should have known better.', 'Your engineers should have'],
    ['That is simply not true.', 'That is simply not true'],
    ['Frankly, this is a waste of time.', 'a waste of time'],
    ['I am not happy with your response.', 'I am not happy with'],
    ["I'd have to push back on the timeline.", 'push back on'],
    ["Your argument doesn't hold water.", "Your argument doesn't hold water"],
    ['We see no reason to change the price.', 'We see no reason to'],
  ],
  [
    'If you disagree, please let us know.',
    'Some people may disagree.',
    "Let's agree to disagree.",
    'You must have heard the news.',
    'You have to try the okonomiyaki in Osaka!',
    'What do you need to finalize the order?',
    'No worries, we can wait.',
    'No, thank you.',
    'We were wrong to send the parts without inspection.',
    'The old version does not work with the new firmware.',
    'Our previous design was clearly flawed.',
    "That isn't a problem.",
    'You should have been notified by email.',
    'Typhoon No. 22 closed the port.',
    'Thank you, you did not have to do that.',
    'In case you did not receive it, here is the file again.',
    'It was careless of us to miss this.',
    'All you need to do is sign page 4 and send it back.',
  ],
);

cases(
  punctuality,
  [
    ['The meeting starts at 10 sharp.', 'sharp'],
    ["I'll be there at noon on the dot.", 'on the dot'],
    ["I'll be 10 minutes late.", 'minutes late'],
    ['We may be a bit late because of traffic.', 'We may be a bit late'],
    ["We'll be there around 3-ish.", '3-ish'],
    ["I'm running behind, sorry.", 'running behind'],
    ['We will be there at 2 pm precisely.', 'precisely'],
    ['I will do my best to be there on time.', 'best to be there on time'],
    ["I'll be there around 3, give or take ten minutes.", 'give or take'],
  ],
  [
    'Our prices are sharp.',
    'The deadline is exactly one week away.',
    'We can deliver 500 units, give or take.',
    'The call will last an hour, give or take.',
    'Our shipment is running late.',
    'We will be at your office at 1:50 pm, ten minutes early.',
    'The price is exactly 10 dollars.',
  ],
);

cases(
  humor,
  [
    ['See you at dinner :)', ':)'],
    ['Ha ha, that was a good one.', 'Ha ha'],
    ['LOL, I forgot the name of the restaurant.', 'LOL'],
    ['We can talk later (wink).', '(wink)'],
    ["I'm only joking, of course.", "I'm only joking"],
    ['Great to see you 😊', '😊'],
  ],
  ['See you at dinner : )', 'Grade: D for the old batch.', 'Our lol-cat mascot is ready.', 'Sorry for the delay 🙏'],
);

cases(
  casualRegister,
  [
    ['Hey Tanaka-san,\n\nThe samples ship today.', 'Hey'],
    ['Hiya!\n\nThe samples ship today.', 'Hiya'],
    ['Hi folks,\n\nThe samples ship today.', 'Hi folks'],
    ['Hey all,\n\nThe samples ship today.', 'Hey all'],
    ['Dear Mr. Ito,\n\nThe samples ship today.\n\nLater,\nTom', 'Later'],
    ['Dear Mr. Ito,\n\nThe samples ship today.\n\nTTYL\nTom', 'TTYL'],
    ['Dear Mr. Ito,\n\nThe samples ship today.\n\nCheers, Tom', 'Cheers'],
    ['Morning Ken,\n\nThe samples ship today.', 'Morning'],
  ],
  [
    'Hello all,\n\nThe samples ship today.',
    'Dear Mr. Ito,\n\nThe samples ship today.\n\nThanks,\nTom',
    'Dear Mr. Ito,\n\nWe will send the rest later.\nTom Baker\nACME',
    'Dear Mr. Ito,\n\nThe samples ship today.\n\nCheers, and thanks again for your help with the order',
    'Good morning Ito-san,\n\nThe samples ship today.',
  ],
);

describe('ja/casual-register replacements', () => {
  it.each([
    ['Hey Tanaka-san,\n\nThanks.', 'Dear Tanaka-san,\n\nThanks.'],
    ['Hi guys,\n\nThanks.', 'Dear all,\n\nThanks.'],
    ['Dear Mr. Ito,\n\nThanks.\n\nCatch you later,\nPriya', 'Dear Mr. Ito,\n\nThanks.\n\nBest regards,\nPriya'],
  ])('%j becomes %j', (body, fixed) => {
    const f = run(casualRegister, body).find((x) => x.suggestion?.replacement !== undefined)!;
    expect(body.slice(0, f.start) + f.suggestion!.replacement + body.slice(f.end)).toBe(fixed);
  });
});

describe('ja/humor severity', () => {
  const joke = 'I have practiced the no double-dipping rule at home 😉 Would 7 pm work for you?';
  it('is a warning in the east and info in the west, with the encouraging rationale', () => {
    expect(run(humor, joke, { region: 'east' })[0]?.severity).toBe('warning');
    const west = run(humor, joke, { region: 'west' })[0]!;
    expect(west.severity).toBe('info');
    expect(west.rationale).toMatch(/Osaka/);
  });
  it('is a warning in any region when the draft apologizes or reports a problem', () => {
    for (const body of ['We apologize for the confusion 😉', 'The parts were damaged in transit haha.']) {
      const f = run(humor, body, { region: 'west' })[0]!;
      expect(f.severity).toBe('warning');
      expect(f.rationale).toMatch(/apologize or report a problem/);
    }
  });
});

describe('ja/offer-in-person', () => {
  const intro = "I'm reaching out to introduce our firm. ";
  it('fires on remote-only proposals in a first contact, by sector', () => {
    expect(run(offerInPerson, `${intro}Would you have time for a call next week?`)[0]?.severity).toBe('warning');
    expect(run(offerInPerson, `${intro}Let's set up a Teams meeting next week.`, { sector: 'modern' })[0]).toMatchObject({
      severity: 'info',
      excerpt: 'Teams meeting',
    });
  });
  it('fires on an apology for a serious problem, not for a typo', () => {
    const reply = { isReply: true };
    expect(run(offerInPerson, 'We apologize for the damaged cartons. Could we set up a short call?', {}, reply)).toHaveLength(1);
    expect(run(offerInPerson, 'Sorry about the typo in the agenda. Shall we have a short call about it?', {}, reply)).toEqual([]);
    expect(run(offerInPerson, 'Sorry for the late reply. Can we do a quick call?', {}, reply)).toEqual([]);
  });
  it('passes offers to meet, the verb "call", other uses of "teams", and routine threads', () => {
    for (const body of [
      `${intro}I will call you next week.`,
      `${intro}Our teams in Boston and Tokyo work together every day.`,
      `${intro}Could we meet over coffee when I am in Tokyo next month, or would a video call suit you better?`,
    ])
      expect(run(offerInPerson, body)).toEqual([]);
    expect(run(offerInPerson, 'Could we set up a Zoom call next week to review the figures?', {}, { isReply: true })).toEqual([]);
  });
});

describe('ja/self-centered', () => {
  const about =
    'We are a US company. Our team builds robots for the US market. Our robots are used in our factories and in our partners\' factories. We have grown 30% a year and we now want to enter Japan. ';
  it('counts "US" the country as no pronoun, and fires without a question', () => {
    expect(run(selfCentered, `${about}We have attached our deck.`)).toHaveLength(1);
  });
  it('passes when the writer asks the reader, directly or not', () => {
    expect(run(selfCentered, `${about}Let me know your thoughts.`)).toEqual([]);
    expect(run(selfCentered, `${about}I was wondering if your team has plans in this area.`)).toEqual([]);
    expect(run(selfCentered, `${about}What are your plans?`)).toEqual([]);
  });
});
