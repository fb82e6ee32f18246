/**
 * Extra cases for the `common` and `us` packs beyond each rule's examples: wordings of the same
 * class that the examples do not show, must-not-fire neighbours, and the shared "ask" helpers
 * that us/buried-ask, us/no-clear-ask and us/vague-commitment agree on.
 */
import { describe, expect, it } from 'vitest';
import { commonRules } from '../rules/common';
import { usRules } from '../rules/us';
import { findAsks } from '../rules/us/no-clear-ask';
import { hasDate, hasDeadline } from '../src/engine';
import { buildDoc, createEngine, DEFAULT_CONTEXT, tokenize, type AnalysisContext, type Draft } from '../src/engine';

const all = [...commonRules, ...usRules];
const ctx: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'us'] };

function findingsOf(ruleId: string, draft: Draft | string) {
  const rule = all.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const d = typeof draft === 'string' ? { body: draft } : draft;
  return createEngine([rule]).analyze(d, ctx);
}
const excerpts = (ruleId: string, draft: Draft | string) => findingsOf(ruleId, draft).map((f) => f.excerpt);

/** Filler sentences without any request, hedge or apology, to reach a word count. */
function filler(sentences: number): string {
  const pool = [
    'The line ran at full speed for the whole week.',
    'Our warehouse team counted every pallet twice.',
    'The new fixtures cut the cycle time by twelve seconds.',
    'Yield rose from ninety-one to ninety-seven percent.',
    'The night shift handled the extra volume without overtime.',
    'Freight costs stayed within the budget for the quarter.',
  ];
  return Array.from({ length: sentences }, (_, i) => pool[i % pool.length]).join(' ');
}

describe('common/shouting', () => {
  it('fires on shouted words of any kind, and keeps acronyms in the fix', () => {
    expect(excerpts('common/shouting', 'Please READ THIS before the call.')).toEqual(['READ THIS']);
    expect(excerpts('common/shouting', 'This is EXTREMELY important.')).toEqual(['EXTREMELY']);
    expect(excerpts('common/shouting', 'I AM SO SORRY about that.')).toEqual(['AM SO SORRY']);
    const [f] = findingsOf('common/shouting', 'Please SIGN THE NDA NOW and return it.');
    expect(f!.excerpt).toBe('SIGN THE NDA NOW');
    expect(f!.suggestion?.replacement).toBe('sign the NDA now');
  });
  it('does not fire on acronyms, codes, units, roman numerals or short single words', () => {
    for (const text of [
      'The SOW, the SLA and the MOU are attached as PDF files.',
      'Our CFO approved the FY2027 budget in Q1; see the ERP export.',
      'Lot KM-2511 and part T-5520 ship via DHL under HS code 8483.',
      'Phase II of the ISO 9001 audit starts at 9 AM JST.',
      'The ETA is Friday and the FOB price is in EUR.',
      'Our US and EU teams use the same CRM and the same KPI set.',
      'The R&D team in the UK reviewed it.',
      'Please send it ASAP.',
      'FYI the API is back up.',
      'We met the NTT DATA team yesterday.',
    ]) {
      expect(excerpts('common/shouting', text), text).toEqual([]);
    }
  });
  it('does not fire on names and companies in a signature block', () => {
    expect(excerpts('common/shouting', 'See you then.\n\nBest regards,\nTaro YAMAMOTO\nKANTO OPTICAL CO., LTD.')).toEqual([]);
    expect(excerpts('common/shouting', 'See you then.\n\nYAMAMOTO Taro\nSales Manager')).toEqual([]);
  });
});

describe('common/exclamation-overuse', () => {
  it('fires on runs and on a third mark', () => {
    expect(excerpts('common/exclamation-overuse', 'Wow!!! That is great.')).toEqual(['!!!']);
    expect(excerpts('common/exclamation-overuse', 'Hi Ken! Great job! Thanks again!')).toEqual(['!', '!']);
  });
  it('allows a greeting mark and one more', () => {
    expect(findingsOf('common/exclamation-overuse', 'Hi Ken!\n\nThe files are attached. Have a great weekend!')).toEqual([]);
  });
});

describe('shared ask helpers', () => {
  it('recognise dates and deadlines', () => {
    expect(hasDate(tokenize('We start on the 17th.'))).toBe(true);
    expect(hasDate(tokenize('Reply within two weeks.'))).toBe(true);
    expect(hasDate(tokenize('Send it by 1/16.'))).toBe(true);
    expect(hasDate(tokenize('We may need 2,000 units.'))).toBe(false);
    expect(hasDeadline(tokenize('We will decide by Friday.'))).toBe(true);
    expect(hasDeadline(tokenize('We will reply tomorrow.'))).toBe(true);
    expect(hasDeadline(tokenize('About starting in January, it might be possible.'))).toBe(false);
  });
  it('find requests in any polite form, and skip courtesy formulas', () => {
    const kinds = (body: string) => findAsks(buildDoc({ body }, ctx)).map((a) => a.kind);
    expect(kinds('We would appreciate it if you could confirm the volumes.')).toEqual(['request']);
    expect(kinds('I would be grateful if you could share the schedule.')).toEqual(['request']);
    expect(kinds('Kindly share the schedule.')).toEqual(['request']);
    expect(kinds('Send me the revised quote.')).toEqual(['request']);
    expect(kinds('Does Tuesday work for you?')).toEqual(['question']);
    expect(kinds('I will send the test report by Thursday, May 7.')).toEqual(['next-step']);
    expect(kinds("I'd love to set up a call next week.")).toEqual(['next-step']);
    expect(kinds('Please find attached the agenda. Please note the new address.')).toEqual([]);
    expect(kinds('Update: the parts shipped today.')).toEqual([]);
  });
});

describe('us/no-clear-ask', () => {
  it('fires on a long update that asks nothing, and not once it asks', () => {
    const update = `Hi Dana,\n\n${filler(12)}\n\nBest,\nAlex`;
    expect(findingsOf('us/no-clear-ask', update)).toHaveLength(1);
    expect(findingsOf('us/no-clear-ask', update.replace('Best,', 'Would you like the detailed numbers?\n\nBest,'))).toEqual([]);
    expect(findingsOf('us/no-clear-ask', update.replace('Best,', 'We would appreciate your comments on the plan.\n\nBest,'))).toEqual([]);
  });
  it('does not count a courtesy formula as an ask', () => {
    const update = `Hi Dana,\n\n${filler(12)} Please find attached the weekly report.\n\nBest,\nAlex`;
    expect(findingsOf('us/no-clear-ask', update)).toHaveLength(1);
  });
});

describe('us/buried-ask', () => {
  it('fires when the only ask closes a long draft, whatever its polite form', () => {
    const body = `Hi Dana,\n\n${filler(8)}\n\n${filler(8)}\n\nWe would appreciate it if you could approve the budget by Friday.\n\nBest,\nAlex`;
    expect(excerpts('us/buried-ask', body)).toEqual(['We would appreciate it if you could approve the budget by Friday.']);
  });
  it('does not fire when the first paragraph already asks, or when the ask comes early', () => {
    const upfront = `Hi Dana,\n\nCould you approve the budget by Friday? ${filler(3)}\n\n${filler(10)}\n\nThanks again for approving it.\n\nBest,\nAlex`;
    expect(findingsOf('us/buried-ask', upfront)).toEqual([]);
    const early = `Hi Dana,\n\n${filler(2)}\n\nCould you approve the budget by Friday? ${filler(14)}\n\nBest,\nAlex`;
    expect(findingsOf('us/buried-ask', early)).toEqual([]);
  });
});

describe('us/over-apology', () => {
  it('counts apologies in any wording, but not sympathy', () => {
    expect(findingsOf('us/over-apology', 'Apologies for the mix-up. We regret the error. Sorry again.')).toHaveLength(3);
    expect(findingsOf('us/over-apology', 'I was sorry to hear about the flood. We apologize for the delay. Sorry, one more thing: the ETA is Monday.')).toEqual([]);
  });
  it('flags apologies that need none', () => {
    expect(excerpts('us/over-apology', 'Sorry for bothering you, but is the price final?')).toEqual(['Sorry for bothering you']);
    expect(excerpts('us/over-apology', 'Please excuse my bad English.')).toEqual(['Please excuse my bad English']);
    expect(excerpts('us/over-apology', 'Apologies for the lengthy email.')).toEqual(['Apologies for the lengthy email']);
  });
  it('flags the late-reply apology only as the opening of a short reply', () => {
    const reply = { body: 'Hi Paul,\n\nApologies for the delayed response. The volumes are below.', isReply: true };
    expect(excerpts('us/over-apology', reply)).toEqual(['Apologies for the delayed response']);
    const later = { body: 'Hi Paul,\n\nThe volumes are below. Apologies for the delayed response.', isReply: true };
    expect(findingsOf('us/over-apology', later)).toEqual([]);
  });
});

describe('us/vague-commitment', () => {
  it('fires on other wordings of the same non-answer', () => {
    expect(excerpts('us/vague-commitment', 'We are currently considering your proposal.')).toEqual(['We are currently considering']);
    expect(excerpts('us/vague-commitment', 'Your request is under consideration.')).toEqual(['under consideration']);
    expect(excerpts('us/vague-commitment', 'This would be rather difficult for our management.')).toEqual(['rather difficult for our management']);
    expect(excerpts('us/vague-commitment', "It's hard to say when we can restart.")).toEqual(['hard to say']);
    expect(excerpts('us/vague-commitment', 'We will revisit the price in due course.')).toEqual(['in due course']);
  });
  it('does not fire with a decision date, a clear answer, or a neutral "difficult"', () => {
    expect(findingsOf('us/vague-commitment', 'We are considering two options and will decide by Tuesday, May 5.')).toEqual([]);
    expect(findingsOf('us/vague-commitment', 'We will get back to you by the end of the week.')).toEqual([]);
    expect(findingsOf('us/vague-commitment', 'Unfortunately we cannot lower the price this year.')).toEqual([]);
    expect(findingsOf('us/vague-commitment', 'It is difficult to overstate how much your team helped.')).toEqual([]);
  });
});

describe('us/hedging', () => {
  const hedgy = 'I guess the numbers are sort of low, and it appears that the new supplier is presumably slower.';
  it('fires on a dense cluster of hedges of any kind', () => {
    expect(excerpts('us/hedging', hedgy)).toEqual(['I guess', 'sort of', 'it appears', 'presumably']);
  });
  it('does not fire when the same hedges are spread over a long draft', () => {
    expect(findingsOf('us/hedging', `${hedgy} ${filler(20)}`)).toEqual([]);
  });
  it('does not count "rather than", "what kind of" or approximations', () => {
    expect(findingsOf('us/hedging', 'We chose rail rather than air. What kind of pallets do you use? About 40 units, roughly half, are ready.')).toEqual([]);
  });
});

describe('us/self-deprecation and us/overly-formal', () => {
  it('catch other wordings of the class', () => {
    expect(excerpts('us/self-deprecation', "I'm not a native speaker, so please bear with me.")).toEqual(["I'm not a native speaker"]);
    expect(excerpts('us/self-deprecation', 'I know very little about tax law.')).toEqual(['I know very little about']);
    expect(excerpts('us/self-deprecation', 'This is probably a silly question, but is the price final?')).toEqual(['This is probably a silly question']);
    expect(excerpts('us/overly-formal', 'We wish to inform you that our office has moved.')).toEqual(['We wish to inform']);
    expect(excerpts('us/overly-formal', 'To whom it may concern,\n\nPlease find the invoice herewith.')).toEqual(['To whom it may concern', 'herewith']);
  });
  it('leave ordinary courtesy alone', () => {
    expect(findingsOf('us/self-deprecation', 'I am the new account manager for your region.')).toEqual([]);
    expect(findingsOf('us/overly-formal', "Hi Megan,\n\nI'd be honored to visit your team in Denver.")).toEqual([]);
  });
});

describe('us/too-long', () => {
  it('counts only the new words', () => {
    const quoted = `Hi Greg,\n\n${filler(30)}\n\nThanks,\nJenna\n\nOn Mon, Nov 3, 2025 at 4:40 PM Greg <g@x.com> wrote:\n> ${filler(30)}`;
    expect(findingsOf('us/too-long', quoted)).toEqual([]);
    expect(findingsOf('us/too-long', `Hi Greg,\n\n${filler(40)}\n\nThanks,\nJenna`)).toHaveLength(1);
  });
});
