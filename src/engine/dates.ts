/**
 * The one reading of dates and deadlines that rules share (us/no-clear-ask, us/buried-ask,
 * us/vague-commitment, ja/signature-pressure): "May 3", "Friday", "the 17th", "1/16",
 * "2026-01-16", "3 pm", "today", "EOD", "next week", "end of the month", "within two weeks",
 * a year or a quarter, and whether one of them sets a time limit ("by Friday", "tomorrow").
 * Token-based and linear: each check looks at most a few tokens around one position.
 */
import type { Token } from './text';

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
// Abbreviated weekdays collide with words ("sun", "sat", "wed"): only their capitalised form counts.
const WEEKDAY_ABBREVIATIONS = new Set(['Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun']);
const RELATIVE_DAYS = new Set(['today', 'tonight', 'tomorrow', 'eod', 'eow', 'cob', 'eob', 'noon', 'midnight']);
const PERIOD_UNITS = new Set([
  'week', 'weeks', 'month', 'months', 'quarter', 'year', 'day', 'days', 'hour', 'hours', 'weekend',
  'morning', 'afternoon', 'evening',
]);
const END_OF = new Set(['the', 'this', 'next', 'day', 'week', 'month', 'quarter', 'year', 'business']);
const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'ten', 'few', 'couple']);
const PERIOD_ENDS = new Set(['month-end', 'quarter-end', 'year-end', 'week-end']);
const ORDINAL = /^\d{1,2}(?:st|nd|rd|th)$/;
const NUMBER = /^\d{1,4}$/;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const YEAR = /^(?:19|20)\d{2}$/;
const QUARTER = /^q[1-4]$/;

/**
 * Whether the token at i starts a date expression: a month or weekday, an ordinal ("the 17th"),
 * a numeric date ("1/16", "2026-01-16"), a clock time ("3 pm"), today/tomorrow/EOD,
 * "next week", "end of the month", "within two weeks", a year or a quarter.
 */
export function isDateAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const n = t.norm;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // 1/16, 16/1
  if (!t.isWord) return n === '/' && !!prev && !!next && NUMBER.test(prev.norm) && NUMBER.test(next.norm);
  if (MONTHS.has(n) || WEEKDAYS.has(n) || RELATIVE_DAYS.has(n) || WEEKDAY_ABBREVIATIONS.has(t.text)) return true;
  // "May" is a month only next to a number: "May 3", "3 May".
  if (n === 'may') return (!!next && NUMBER.test(next.norm)) || (!!prev && NUMBER.test(prev.norm));
  if (ORDINAL.test(n) || ISO_DATE.test(n) || YEAR.test(n) || QUARTER.test(n)) return true;
  if (PERIOD_ENDS.has(n)) return true;
  // "close of business", "close of play".
  if (n === 'close') return next?.norm === 'of' && ['business', 'play', 'day'].includes(tokens[i + 2]?.norm ?? '');
  // "by 5", "until 3": a bare hour after a deadline word.
  if (NUMBER.test(n) && !!prev && ['by', 'before', 'until', 'till'].includes(prev.norm) && Number(n) <= 24) return true;
  if (n === 'am' || n === 'pm' || n === 'a.m' || n === 'p.m') return !!prev && NUMBER.test(prev.norm);
  if (n === 'next' || n === 'this' || n === 'coming') return !!next && PERIOD_UNITS.has(next.norm);
  // "end of the month", "end of day" (not "at the end of the road")
  if (n === 'end') return next?.norm === 'of' && END_OF.has(tokens[i + 2]?.norm ?? '');
  // "within two weeks", "in 3 days", "in a couple of days", "within 5 business days"
  if ((n === 'within' || n === 'in') && next && (NUMBER.test(next.norm) || NUMBER_WORDS.has(next.norm))) {
    for (let k = i + 2; k <= i + 4 && k < tokens.length; k++) {
      const u = tokens[k]!;
      if (!u.isWord) return false;
      if (PERIOD_UNITS.has(u.norm)) return true;
    }
  }
  return false;
}

/** Whether the tokens mention a point in time (see isDateAt). */
export function hasDate(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (isDateAt(tokens, i)) return true;
  return false;
}

/** Words that make a date a time limit: "by Friday", "before May 3", "on the 17th", "no later than". */
const DEADLINE_MARKERS = new Set(['by', 'before', 'until', 'till', 'on', 'than', 'at']);
/** Date expressions that are time limits by themselves: "tomorrow", "next week", "within two weeks". */
const SELF_DEADLINES = new Set([...RELATIVE_DAYS, 'next', 'this', 'coming', 'end', 'within', 'in']);

/**
 * Whether the tokens set a time limit, not merely mention a time: "by Friday", "before May 3",
 * "tomorrow", "within two weeks" do; "starting in January" names the topic, not a decision date.
 */
export function hasDeadline(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!isDateAt(tokens, i)) continue;
    if (SELF_DEADLINES.has(tokens[i]!.norm)) return true;
    // A marker up to three tokens before the date ("by Friday", "by the 17th", "on Friday, May 3").
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (DEADLINE_MARKERS.has(tokens[k]!.norm)) return true;
  }
  return false;
}


/** Index of the first date within (a deadline word's date: "by Friday", "before the 31st", "by 5 pm") the `span` tokens after position i, or -1. */
export function dateIndexWithin(tokens: readonly Token[], i: number, span = 3): number {
  for (let k = i + 1; k <= i + span && k < tokens.length; k++) if (isDateAt(tokens, k)) return k;
  return -1;
}
