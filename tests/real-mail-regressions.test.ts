/**
 * Misfires and misses found by reading the engine's findings on real mail (../shared/real-mail),
 * written as our own minimal examples of each class (never the emails' sentences), so a change
 * that brings a class back fails here even without ../shared.
 */
import { describe, expect, it } from 'vitest';
import { analyze, buildDoc, DEFAULT_CONTEXT, splitBody, tokenize, type Pack } from '../src/nemawashi';

const ids = (body: string, packs: Pack[] = ['common', 'ja']): string[] =>
  analyze({ body }, { ...DEFAULT_CONTEXT, packs }).map((f) => f.ruleId);
const newWords = (body: string): string =>
  splitBody(body)
    .segments.filter((s) => s.kind === 'new')
    .map((s) => body.slice(s.start, s.end))
    .join('');

describe('the writer\'s words on real mail', () => {
  it('a Lotus Notes forward is not the writer\'s words, even wrapped over two lines', () => {
    const body = 'Can you check the volumes?\n\nDan\n---------------------- Forwarded by Dan Reyes/HOU/ACME on 10/16/2000 \n03:36 PM ---------------------------\n\nSEND ME THE NUMBERS NOW.\n';
    expect(newWords(body)).not.toContain('SEND ME');
    expect(ids(body)).not.toContain('common/shouting');
  });

  it('a Lotus Notes header block (name, date, To:, cc:, Subject:) starts the quote', () => {
    const body = 'I called him this morning.\n\n\n"Lee, Pat" <plee@example.com> on 04/18/2001 10:55:37 AM\nTo: "Kay Park" <kay@example.com>\ncc:\nSubject: Lunch\n\nFix this by Friday.\n';
    expect(newWords(body)).not.toContain('Fix this');
    expect(splitBody(body).hasQuote).toBe(true);
  });

  it('a disclaimer at the top hides only its own paragraph', () => {
    const body = 'CONFIDENTIAL: This message is intended only for the named recipient and may be privileged. If you received this message in error, please notify the sender.\n\nWe missed the delivery date for your order last week.\n';
    expect(newWords(body)).toContain('We missed the delivery date');
    expect(ids(body)).toContain('ja/missing-apology');
  });

  it('mail-service taglines and ads after the message are not the writer\'s words', () => {
    const body = 'Good to hear from you. I moved back home last year.\n\n____________________________\nGet your free e-mail at http://mail.example.com\n\nBuy the perfect gifts at Example Shopping.\n';
    expect(newWords(body)).not.toContain('Buy the perfect');
    expect(ids(body)).not.toContain('ja/blunt-imperative');
  });

  it('URLs and e-mail addresses are one token each, not words, sentence ends or questions', () => {
    const toks = tokenize('See http://example.com/a?b=1. or mail jo.doe/HOU/ACME@ACME today');
    expect(toks.filter((t) => t.special).map((t) => t.special)).toEqual(['url', 'email']);
    const doc = buildDoc({ body: 'The form is at http://example.com/form?id=7 for everyone.' }, DEFAULT_CONTEXT);
    expect(doc.sentences).toHaveLength(1);
    expect(doc.sentences[0]!.isQuestion).toBe(false);
    expect(doc.wordCount).toBe(6);
  });

  it('sentences do not split at abbreviations or soft line wraps', () => {
    const doc = buildDoc({ body: 'The Govt. filed the case Smith v. Jones with the U.S. court and the\nfiling went through today.' }, DEFAULT_CONTEXT);
    expect(doc.sentences).toHaveLength(1);
  });
});

describe('classes of false findings on real mail', () => {
  it('labels, headings and table rows are not commands or shouting', () => {
    expect(ids('Schedule B, all retail accounts under 100 kW.')).not.toContain('ja/blunt-imperative');
    expect(ids('Total Return Swap Confirmation (4471)\n\nThe confirm is attached.')).not.toContain('ja/blunt-imperative');
    expect(ids('TARGET DATE\n\nThe team will meet in June.')).not.toContain('common/shouting');
    expect(ids('Region     Volume     Price\nNORTHEAST  1,200      3.40')).not.toContain('common/shouting');
  });

  it('names and codes in capitals are not shouting; ordinary words in capitals are', () => {
    expect(ids('The ERCOT and CAISO filings were posted by ACMECORP this morning.')).not.toContain('common/shouting');
    expect(ids('You WILL NOT get your calendar back this way.')).toContain('common/shouting');
  });

  it('urgency that describes, or the writer\'s own timing, is not pressure', () => {
    expect(ids('The new tariff takes effect immediately.')).not.toContain('ja/pressure');
    expect(ids('That task is low on my list right now.')).not.toContain('ja/pressure');
    expect(ids('Tell me what you want, and I will make the transfer this evening.')).not.toContain('ja/pressure');
    expect(ids('Please send the signed copy immediately.')).toContain('ja/pressure');
  });

  it('another sense of a problem word, or someone else\'s problem, needs no apology', () => {
    expect(ids('Late in the afternoon would suit me for dinner.')).not.toContain('ja/missing-apology');
    expect(ids('The court found the subpoena defective in 1950.')).not.toContain('ja/missing-apology');
    expect(ids('Here is what I found on the issue of transmission rights.')).not.toContain('ja/missing-apology');
    expect(ids('Sorry to bug you again about the tickets.')).not.toContain('ja/missing-apology');
    expect(ids('Our September books were off by $1,400 in the tax line.')).toContain('ja/missing-apology');
  });

  it('commands after a name or a clause are still commands', () => {
    expect(ids('Jeff, call me tomorrow about the bid.')).toContain('ja/blunt-imperative');
    expect(ids('Left you a voicemail, give me a call when you can.')).toContain('ja/blunt-imperative');
  });

  it('a next step the writer states, or a suggestion, is an ask for us/no-clear-ask', () => {
    const report =
      'The committee met on Tuesday and reviewed the three proposals. Two of them need more detail on cost, and the third depends on the state budget, which is still open and may not be settled before the end of the session. The chair asked for a short summary of each option, and the members agreed to meet again when the budget is known. ';
    expect(ids(report + 'That is where things stand.', ['common', 'us'])).toContain('us/no-clear-ask');
    expect(ids(report + "We'll report back with news as we get it.", ['common', 'us'])).not.toContain('us/no-clear-ask');
    expect(ids(report + 'You may want to raise the cost question with them.', ['common', 'us'])).not.toContain('us/no-clear-ask');
  });
});

describe('signatures without a sign-off, and whose next step it is', () => {
  it('a contact block (name, title, company, phone) after the text is the signature', () => {
    const body = 'Dear Pat,\n\nThe counterparty is a large company, so in terms of credit approval they are fine.\n\nJane Roe\nSenior Counsel\nAcme Japan Corp.\n1-5-1 Otemachi, Chiyoda-ku\nTel: 81-3-5555-0100\nFax: 81-3-5555-0101\n';
    expect(newWords(body)).not.toContain('Senior Counsel');
    expect(buildDoc({ body }, DEFAULT_CONTEXT).wordCount).toBeLessThan(25);
  });

  it("a colleague's promise to come back is not the writer's vague answer", () => {
    expect(ids('Ann is handling the deal now. She will get back to you on the confirms.', ['common', 'us'])).not.toContain('us/vague-commitment');
    expect(ids('Thanks for the offer. We will get back to you.', ['common', 'us'])).toContain('us/vague-commitment');
  });

  it('a recommendation or proposal is a next step', () => {
    const memo =
      'The procedure books the gas to the storage account when it arrives, which treats the company as taking possession of it. The tariff says the company never takes title to that gas, so the two do not line up, and an outside reader of the books would take the account as a sign of ownership of the gas in storage. ';
    expect(ids(memo + 'That is the gist of it.', ['common', 'us'])).toContain('us/no-clear-ask');
    expect(ids(memo + 'I propose that we use the transport account instead.', ['common', 'us'])).not.toContain('us/no-clear-ask');
  });
});

describe('questions, pasted text, clauses and deference', () => {
  it('a lone "?" line (a non-breaking space turned into "?" by an old mail system) is not a question', () => {
    const body = 'I went to the game with my brother.\n?\nWe had good seats and I took my camera, but my photos were dark, so I will go again next week with my better lens and my tripod and my sister, who takes better pictures than I do, and we will stay late.\n?\n';
    expect(buildDoc({ body }, DEFAULT_CONTEXT).sentences.filter((s) => s.isQuestion)).toHaveLength(0);
    expect(ids(body)).toContain('ja/self-centered');
  });

  it('an article the writer pastes after "I was reading the following:" is not the writer\'s words', () => {
    const article =
      '        THE FLOODS have closed two bridges north of the city since Monday, and crews\nexpect the river to crest again on Friday.\n        Officials said that the main road stays open, but they urged drivers to\navoid the valley and to follow the detour signs posted near the old mill.\n        Residents were moved to the school gym, where volunteers served meals.\n';
    const body = `Thought you would want to see this. I was just reading the following:\n\n${article}`;
    expect(newWords(body)).not.toContain('THE FLOODS');
    expect(ids(body, ['common', 'us'])).not.toContain('common/shouting');
    // An indented list of the writer's own points is still the writer's words.
    const list = 'Here is what I read in your plan:\n\n    1. Ship the parts.\n    2. Call the bank.\n';
    expect(newWords(list)).toContain('Call the bank');
  });

  it('a command in a later clause is not softened by a courtesy offer in an earlier clause', () => {
    expect(ids('Let me know if you have any questions and send me the revised schedule.')).toContain('ja/blunt-imperative');
    expect(ids('Send me a note if you have any questions.')).not.toContain('ja/blunt-imperative');
  });

  it('a spaced dash before a capital opens a new clause, so the command after it counts', () => {
    expect(ids('The hotel desk is on the second floor - Do be sure to show your badge!')).toContain('ja/blunt-imperative');
  });

  it('deference to the reader ("you obviously know more than me") is self-deprecation, not harsh', () => {
    const body = 'You obviously know far more than me about the market, but the forecast looks odd.';
    expect(ids(body)).not.toContain('ja/harsh-negative');
    expect(ids(body, ['common', 'us'])).toContain('us/self-deprecation');
    expect(ids('You obviously did not read the contract.')).toContain('ja/harsh-negative');
  });
});

describe('whose timing, whose problem, and what counts as an ask', () => {
  const us = (body: string): string[] => ids(body, ['common', 'us']);
  const padding =
    'The quarterly review covered the plant, the new packaging line and the budget for the coming year. The line now runs two shifts, and the packaging supplier delivered the last of the new moulds in October. The budget holds, with a small reserve for spare parts. The plant manager retires in March after thirty years. ';

  it('a command with a same-day limit is pressure; an invitation for any time today is not', () => {
    expect(ids('Log in to the portal and update your address today.')).toContain('ja/pressure');
    expect(ids('Come by the lab anytime today.')).not.toContain('ja/pressure');
  });

  it("the writer's own deadline is a promise, but a condition on the reader still presses", () => {
    expect(ids('We will circulate the minutes by Monday at the latest.')).not.toContain('ja/pressure');
    expect(ids('If I do not hear from you by tomorrow, I will send it to the board.')).toContain('ja/pressure');
  });

  it("a third party's problem is not the writer's to apologise for", () => {
    expect(ids('Their failure to answer our letters is why we went to court.')).not.toContain('ja/missing-apology');
    expect(ids('The judge held that the order was defective.')).not.toContain('ja/missing-apology');
    expect(ids("Yesterday's outage cut our service for two hours.")).toContain('ja/missing-apology');
  });

  it('a thing described as under consideration is not a vague answer', () => {
    expect(us('Have you looked at the two suppliers we are considering?')).not.toContain('us/vague-commitment');
    expect(us('Thanks for the offer. We are considering.')).toContain('us/vague-commitment');
  });

  it('who does what, pointers and commands after an if-clause are asks', () => {
    expect(us(padding + 'Both sites should dial the bridge number to join.')).not.toContain('us/no-clear-ask');
    expect(us(padding + 'For a copy of the full budget call the finance desk.')).not.toContain('us/no-clear-ask');
    expect(us(padding + 'If the link does not open, click Refresh on the portal.')).not.toContain('us/no-clear-ask');
    expect(us(padding + 'The reserve is the same as last year.')).toContain('us/no-clear-ask');
  });

  it('irony in set phrases is a joke', () => {
    expect(ids('They moved the audit to Christmas Eve. What could possibly go wrong.')).toContain('ja/humor');
    expect(ids('What could we do to help the team?')).not.toContain('ja/humor');
  });
});

describe('criticism put as a question, and subjects left out', () => {
  it('challenges fire; genuine questions and invitations do not', () => {
    for (const t of ['Why not just reuse the old mould?', 'Care to explain the surcharge?', 'You changed the plan again. Seriously?', 'You want us to start over?!', 'What do you mean you cannot find the invoice?', 'Why in the world would you approve that?', 'Since when do we pay for freight?'])
      expect(ids(t), t).toContain('ja/harsh-negative');
    for (const t of ['What do you mean by "landed cost"?', 'Would you care to join us on Friday?', 'Why not try the smaller size first?', 'How can you reach the plant from the station?', 'We finally have the permit?!'])
      expect(ids(t), t).not.toContain('ja/harsh-negative');
  });

  it('a sentence whose "I" is left out is the writer talking, not a command', () => {
    for (const t of ["Don't know why the second form is needed.", 'Think this belongs in the other thread.', 'Need a decision on the colour.', 'Hope the trip went well.'])
      expect(ids(t), t).not.toContain('ja/blunt-imperative');
    expect(ids("Don't sign the form yet.")).toContain('ja/blunt-imperative');
  });
});

it('an excited yes/no question is not exasperation', () => {
  expect(ids('Are you still in Boston??!!')).not.toContain('ja/harsh-negative');
});

describe('one reading of reply subjects', async () => {
  const engine = await import('../src/engine');
  const webmail = await import('../src/webmail/session');
  it('the engine (and so the CLI) and the webmail adapters agree on every prefix', () => {
    for (const s of ['Re: dates', 'RE[2]: dates', 'Fwd: deck', 'AW: Termin', 'WG: Termin', 'TR: Offre', 'SV: Möte', 'RIF: ordine', 'R: ordine', 'RES: proposta', 'ENC: proposta', '返信：日程', '転送: 資料']) {
      expect(engine.isReplySubject(s), s).toBe(true);
      expect(webmail.isReplySubject(s), s).toBe(true);
      expect(engine.detectFirstContact({ subject: s, body: 'My name is Ana and I would like to introduce our company.' }).firstContact, s).toBe(false);
    }
    for (const s of ['Return policy', 'Trade show', 'Resume', 'Encore']) expect(engine.isReplySubject(s), s).toBe(false);
  });
});

describe('the CLI reads a message saved as .txt as a message', async () => {
  const { draftFromBytes, startsWithHeaders } = await import('../src/cli/input');
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('headers, a blank line and a body: the headers are not the writer\'s words and the subject counts', async () => {
    const d = await draftFromBytes(bytes('From: Ana <ana@example.com>\nTo: Ken <ken@example.jp>\nSubject: RE: samples\nDate: Mon, 2 Nov 2026 10:00:00 +0900\n\nThe samples ship on Friday.\n'), 'txt');
    expect(d.subject).toBe('RE: samples');
    expect(d.body).not.toContain('From:');
    expect(d.body).toContain('The samples ship on Friday.');
  });
  it('a draft that merely opens with a label is still a plain draft', async () => {
    expect(startsWithHeaders('Date: Friday works for us.\nThe venue is booked.\n\nKen')).toBe(false);
    expect(startsWithHeaders('Note: the file moved.\n\nPlease check it.')).toBe(false);
    const d = await draftFromBytes(bytes('Date: Friday works for us.\nThe venue is booked.\n'), 'txt');
    expect(d.body).toContain('Date: Friday works');
  });
});

describe('sentences across line breaks', () => {
  const sentences = (body: string): string[] => buildDoc({ body }, DEFAULT_CONTEXT).sentences.map((s) => s.text.replace(/\s+/g, ' '));
  it('a title or "v." at the end of a line does not end the sentence', () => {
    expect(sentences('The board heard from Mr.\nOkada about the plan, and the court cited Acme Co. v.\nBeta Ltd. in its order.')).toHaveLength(1);
  });
  it('a numbered item wrapped over lines is one sentence', () => {
    expect(sentences('1. Whether the order issued\nagainst the company reaches records kept out of state?\n2. Whether the court may enforce it?')).toHaveLength(2);
  });
});

describe("the draft's facts come with the findings", async () => {
  const { analyzeDraft } = await import('../src/nemawashi');
  it('word count of the writer\'s words, and first contact as detected and as overridden', () => {
    const draft = { subject: 'Introduction', body: 'Dear Mr. Sato,\n\nMy name is Ana Diaz and I would like to introduce our company.\n\nBest regards,\nAna Diaz\nSales Director\nTel: +1 555 0100\n' };
    const auto = analyzeDraft(draft);
    expect(auto.facts.firstContact).toBe(true);
    expect(auto.facts.firstContactDetected).toBe(true);
    expect(auto.facts.wordCount).toBeLessThan(20);
    const overridden = analyzeDraft(draft, { firstContact: 'no' });
    expect(overridden.facts.firstContact).toBe(false);
    expect(overridden.facts.firstContactDetected).toBe(true);
  });
});

describe('tone on real requests (Stack Exchange politeness scores): classes of misfires', () => {
  const tone = (body: string): string[] => ids(body).filter((id) => id === 'ja/blunt-imperative' || id === 'ja/harsh-negative' || id === 'ja/pressure');
  it('words the writer quotes or names are not said to the reader', () => {
    expect(tone('People keep writing "I don\'t agree" under every post.')).toEqual([]);
    expect(tone('The manual gives one rule: "sort the parts, then pick the lightest one." Is that what you use?')).toEqual([]);
    expect(tone('Then he wrote, “Why would you do that?” and left.')).toEqual([]);
    // Inch marks are not quotation marks.
    expect(tone('Ship the 12" pipes by Friday.')).toContain('ja/blunt-imperative');
  });
  it('"…?" after trailing dots is a question, not a cut-off command', () => {
    const doc = buildDoc({ body: 'Trim the label text or ...?' }, DEFAULT_CONTEXT);
    expect(doc.sentences).toHaveLength(1);
    expect(doc.sentences[0]!.isQuestion).toBe(true);
    expect(tone('Trim the label text or ...?')).toEqual([]);
  });
  it('a verb coordinated with an infinitive or a modal is not a command of its own', () => {
    expect(tone('I do not see how to make the macro open a window and run the script.')).toEqual([]);
    expect(tone('You can simply list the routes and add up their lengths.')).toEqual([]);
    expect(tone('Let me know if you have any concerns and send me the revised schedule.')).toContain('ja/blunt-imperative');
  });
  it('set phrases and subjectless adjectives are not commands', () => {
    expect(tone("Don't get me wrong, the new layout is nice.")).toEqual([]);
    expect(tone('Worth mentioning that the old driver also works.')).toEqual([]);
    expect(tone('Mail the signed copies to:\n\nKen Ito\n1-2-3 Ginza')).toContain('ja/blunt-imperative');
    expect(tone('Update on the shipment:\n\nThe boxes left today.')).toEqual([]);
  });
  it('asking is not refusing, and a relative "that" is not the reader\'s point', () => {
    expect(tone('The plain link worked here. That does not work for you?')).toEqual([]);
    expect(tone('Or is the attic route out of the question?')).toEqual([]);
    expect(tone('Could you send a sample file that does not work?')).toEqual([]);
    expect(tone('How do you know it is the only model that is impossible to repair?')).toEqual([]);
    expect(tone('Is this not the case on your side?')).toEqual([]);
    expect(tone('I wonder why this is not possible in the default setup.')).toEqual([]);
  });
  it('"obviously" talks down only when it is said about the reader or opens the sentence', () => {
    expect(tone('Do you want parts that are obviously in one of the two groups?')).toEqual([]);
    expect(tone('While this is obviously doable, it takes time.')).toEqual([]);
    expect(tone('Then you obviously have a problem with the import.')).toContain('ja/harsh-negative');
  });
  it('a wh-question that asks is not a challenge; the modest writer is not insulting anyone', () => {
    expect(tone('Where don\'t you see the changes?')).toEqual([]);
    expect(tone('Do you actually want the ratio, or the slope?')).toEqual([]);
    expect(tone('Shouldn\'t you be able to solve it with two equations?')).toEqual([]);
    expect(tone('Silly question, but does the lid close?')).toEqual([]);
    expect(tone('This may be a dumb idea, but could we ship by rail?')).toEqual([]);
  });
  it('urgency words that mean "all together" or "otherwise" push nobody', () => {
    expect(tone('You could read all the rows at once and sort them.')).toEqual([]);
    expect(tone('The buffer has to shrink too, or else the queue keeps its largest size.')).toEqual([]);
    expect(tone('Pay the balance this week, or else we will stop the shipments.')).toContain('ja/pressure');
  });
});

describe('tone on real requests: harsh classes that were missed', () => {
  const harsh = (body: string): boolean => ids(body).includes('ja/harsh-negative');
  it('criticism put as a question: "can\'t you just", "what is your question", "did you read", "do you understand"', () => {
    expect(harsh("Can't you just drop the empty rows first?")).toBe(true);
    expect(harsh('So what is your question?')).toBe(true);
    expect(harsh('Did you read my last note?')).toBe(true);
    expect(harsh('Do you understand the warning it prints?')).toBe(true);
    expect(harsh('Would you care to explain the new charge?')).toBe(true);
    expect(harsh('Surely you do not expect us to rewrite it?')).toBe(true);
    expect(harsh('What on earth are you talking about?')).toBe(true);
    expect(harsh('Is it that hard to give a date?')).toBe(true);
    expect(harsh('No log? Should we guess?')).toBe(true);
  });
  it('bare challenges and sarcasm as sentences of their own', () => {
    expect(harsh('You want a second server for that? What for?')).toBe(true);
    expect(harsh('You moved it again. Why???')).toBe(true);
    expect(harsh('The fee went up. Big deal.')).toBe(true);
    expect(harsh('A rewrite in two days? Good luck with that.')).toBe(true);
    expect(harsh('So what is the problem?')).toBe(true);
    expect(harsh('Good luck with the launch tomorrow!')).toBe(false);
    expect(harsh('The order is a big deal for us.')).toBe(false);
    expect(harsh('Why?')).toBe(false);
  });
  it('dismissals: no idea what the reader means, homework, insults of the reader\'s work', () => {
    expect(harsh('I have no idea what you are actually asking.')).toBe(true);
    expect(harsh('This looks suspiciously like homework.')).toBe(true);
    expect(harsh('Homework?')).toBe(true);
    expect(harsh('It is a rather dumb idea to ship it like that.')).toBe(true);
    expect(harsh('You couldn\'t even fill in the form?')).toBe(true);
    expect(harsh('Your question is too vague.')).toBe(true);
    expect(harsh('This description is a bit confusing; which file moved?')).toBe(true);
    expect(harsh('My question is too vague, sorry.')).toBe(false);
    expect(harsh("It's a very confusing email.")).toBe(true);
    expect(harsh('This is a broad topic, and we are glad to help.')).toBe(false);
    expect(harsh('What on earth is a "flex slot"?')).toBe(true);
    expect(harsh('The question is whether the file is clear enough.')).toBe(false);
  });
  it('genuine questions, however curt, stay unflagged', () => {
    expect(harsh('What kind of edging are you using?')).toBe(false);
    expect(harsh('Which version? Which OS?')).toBe(false);
    expect(harsh('What do you mean by "net price"?')).toBe(false);
    expect(harsh('Could you tell me why the date moved?')).toBe(false);
  });
});

describe('tone on real requests: a premise, a tentative reading and a restatement are not orders or verdicts', () => {
  const tone = (body: string): string[] => ids(body).filter((id) => id === 'ja/blunt-imperative' || id === 'ja/harsh-negative' || id === 'ja/pressure');
  it('a verb of supposition that sets up a premise is not a command ("Assume the crate weighs 40 kg.")', () => {
    expect(tone('Assume the crate weighs 40 kg. How many fit on one pallet?')).toEqual([]);
    expect(tone('Assume that the rate stays at 3%. What is the total?')).toEqual([]);
    expect(tone('Consider these figures to be last year\'s plan. Which month grew most?')).toEqual([]);
    expect(tone('Consider the two invoices as one order. Does the discount apply?')).toEqual([]);
    // The same verbs as tasks stay commands.
    expect(tone('Consider adding a photo of the label.')).toContain('ja/blunt-imperative');
    expect(tone('Assume responsibility for the missing crates.')).toContain('ja/blunt-imperative');
  });
  it('a verdict the writer only supposes ("it seems that this is not possible") is not said against the reader', () => {
    expect(tone('It seems that this is not possible with the free plan. Is there another way?')).toEqual([]);
    expect(tone('I guess this is not the case, and you want the monthly totals?')).toEqual([]);
    expect(tone('That is not possible.')).toContain('ja/harsh-negative');
    expect(tone('I think that is wrong.')).toContain('ja/harsh-negative');
  });
  it('restating what the reader needs, to check it, is not an order ("If I understand correctly, you need to…")', () => {
    expect(tone('If I understand correctly, you need to merge the two lists first.')).toEqual([]);
    expect(tone('So, as I read it, you have to ship both parts together.')).toEqual([]);
    expect(tone('You need to merge the two lists first.')).toContain('ja/harsh-negative');
    expect(tone('If you want the totals, you need to merge the two lists first.')).toContain('ja/harsh-negative');
  });
  it('"why don\'t you think…" asks (or suggests); "why don\'t you understand…" reproaches', () => {
    expect(tone("Why don't you think the cache helps here?")).toEqual([]);
    expect(tone("Why don't you understand the warning?")).toContain('ja/harsh-negative');
  });
  it('a why-question the writer announces as a question ("Quick question: why…") is a genuine one', () => {
    expect(tone('Quick question: why did the launch date move?')).toEqual([]);
    expect(tone('Just a question, why do you keep two copies of the sheet?')).toEqual([]);
    expect(tone('Why are you keeping two copies of the sheet?')).toContain('ja/harsh-negative');
    expect(tone('So what is your question?')).toContain('ja/harsh-negative');
  });
});

describe('tone on real requests: more criticism put as a question, dismissals and verdicts', () => {
  const harsh = (body: string): boolean => ids(body).includes('ja/harsh-negative');
  it('indignant and incredulous questions fire; asking for a meaning or a favour does not', () => {
    expect(harsh('What is that supposed to mean?')).toBe(true);
    expect(harsh('What is the second flag supposed to do?')).toBe(false);
    expect(harsh('How long can it possibly take to copy one file?')).toBe(true);
    expect(harsh('What could possibly be the use of a second login?')).toBe(true);
    expect(harsh('Could you possibly send the invoice by Friday?')).toBe(false);
    expect(harsh('What exactly is your problem?')).toBe(true);
  });
  it('homework accusations in other words, and insults with a word between', () => {
    expect(harsh('Is this some kind of homework?')).toBe(true);
    expect(harsh('This is the ugliest test code I have seen.')).toBe(true);
    expect(harsh('This may be a stupid Excel question, but how do I sum a column?')).toBe(false);
  });
  it('a verdict on the reader\'s writing with its subject left out ("Way too vague.")', () => {
    expect(harsh('Way too vague. Which file do you mean?')).toBe(true);
    expect(harsh('Still unclear: which file do you mean?')).toBe(true);
    expect(harsh('Too vague questions get closed quickly.')).toBe(false);
    expect(harsh('Unclear what the second column holds.')).toBe(false);
  });
});
