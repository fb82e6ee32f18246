/**
 * First-contact detection (RULES.md): a draft is a first contact when it is not a reply in an
 * existing thread AND the writer has not written to the recipient before (where that history
 * is known). Introductory phrases ("I'm reaching out") also mark a first contact.
 */
import { definePhrases } from './phrases';
import { tokenize } from './text';
import type { Draft } from './types';
import { isReplySubject } from './reply-subject';

export type FirstContactReason =
  | 'reply-quote'
  | 'reply-headers'
  | 'reply-subject'
  | 'reply-flag'
  | 'introduction'
  | 'history-new'
  | 'history-known'
  | 'no-evidence';

export interface FirstContactVerdict {
  firstContact: boolean;
  reason: FirstContactReason;
}


/** Phrases a writer uses only when introducing themselves. */
export const INTRODUCTION_PHRASES = definePhrases([
  "(i'm|i am) reaching out",
  "(i'm|i am) writing to you for the first time",
  'allow me to introduce myself',
  'please allow me to introduce myself',
  'let me introduce myself',
  'i would like to introduce myself',
  "i'd like to introduce myself",
  'my name is',
  'nice to e-meet you',
  'nice to meet you virtually',
  'pleased to e-meet you',
  'we have not met',
  "we haven't met",
  'we have never met',
  'you do not know me',
  "you don't know me",
  'i came across your',
  'i got your name from',
  'i was given your name',
  'i was referred to you',
  'introduce our company',
  'introduce my company',
  'honor|honour|pleasure to introduce',
  // Writers who do not know the recipient's name have not written to them before.
  'dear sir or madam',
  'dear sir/madam',
  'to whom it may concern',
  // The first email after meeting in person ("Great meeting you at the booth yesterday") is
  // still the first written contact: nothing has been agreed in writing yet.
  'great|nice|good|lovely meeting you',
  'a pleasure meeting you',
  'great|nice|good|lovely to meet you',
  'it was great|nice|good|lovely to meet you',
  'it was a pleasure to meet you',
  'great|nice|good to have met you',
  '初めてご連絡',
  '突然のご連絡',
  'はじめまして',
  '初めまして',
]);


/**
 * The last opening read and whether it introduces the writer: a keystroke further down the draft
 * leaves the opening as it was, and it need not be tokenized and matched again.
 */
let lastOpening: { text: string; introduces: boolean } | undefined;

function introduces(opening: string): boolean {
  if (lastOpening?.text !== opening) lastOpening = { text: opening, introduces: INTRODUCTION_PHRASES.match(tokenize(opening), opening).length > 0 };
  return lastOpening.introduces;
}

export function detectFirstContact(
  draft: Draft,
  opts: { hasQuote?: boolean; hasWrittenTo?: (address: string) => boolean | undefined } = {},
): FirstContactVerdict {
  if (draft.isReply) return { firstContact: false, reason: 'reply-flag' };
  if (draft.inReplyTo || (draft.references && draft.references.length > 0))
    return { firstContact: false, reason: 'reply-headers' };
  if (isReplySubject(draft.subject)) return { firstContact: false, reason: 'reply-subject' };
  if (opts.hasQuote || (draft.quoted && draft.quoted.trim() !== ''))
    return { firstContact: false, reason: 'reply-quote' };
  // Only the opening of the draft is read for introductions: the first 1,500 characters.
  if (introduces(draft.body.slice(0, 1500))) return { firstContact: true, reason: 'introduction' };
  if (opts.hasWrittenTo && draft.recipients && draft.recipients.length > 0) {
    const primary = draft.recipients.filter((r) => r.field !== 'bcc');
    const known = primary.map((r) => opts.hasWrittenTo!(r.address));
    if (known.some((k) => k === undefined)) return { firstContact: false, reason: 'no-evidence' };
    if (known.some((k) => k === false)) return { firstContact: true, reason: 'history-new' };
    return { firstContact: false, reason: 'history-known' };
  }
  return { firstContact: false, reason: 'no-evidence' };
}
