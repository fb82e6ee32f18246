/**
 * Realistic, varied business email drafts for the benchmark, generated deterministically from a
 * seeded PRNG. Sentences come from a bank of templates with slots (names, numbers, dates,
 * products), so no paragraph repeats and the engine's per-paragraph caches get no free hits;
 * about one sentence in six carries something a rule should flag.
 */

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLOTS: Record<string, string[]> = {
  name: ['Ken', 'Yuki', 'Dana', 'Mr. Tanaka', 'Ms. Sato', 'Greg', 'Priya', 'Mr. Endo', 'Megan', 'Hiroshi', 'Laura', 'Takeshi', 'Mr. Walker', 'Ms. Ito', 'Carlos'],
  team: ['our logistics team', 'the design group', 'our legal department', 'the plant in Gunma', 'our Osaka office', 'the QA team', 'our finance team', 'the support desk', 'the sales team', 'our engineers'],
  thing: ['the revised quote', 'the shipping schedule', 'the test report', 'the updated drawings', 'the pilot results', 'the pricing sheet', 'the onboarding checklist', 'the safety data sheet', 'the Q3 forecast', 'the meeting notes', 'the draft agenda', 'the invoice', 'the sample parts', 'the API documentation', 'the training plan'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'next week', 'the 14th', 'May 10', 'June 3', 'the end of the month', 'October 21', 'December 5'],
  n: ['2', '3', '4', '5', '12', '24', '40', '150', '2,400', '18', '7', '300'],
  unit: ['units', 'cartons', 'pallets', 'licenses', 'samples', 'pieces', 'seats', 'boxes'],
  product: ['the KS-2207 housing', 'the M8 bolts', 'the sensor module', 'the payroll service', 'the mobile app', 'the dashboard', 'the connector housings', 'the firmware update', 'the analytics platform', 'the label printer'],
  place: ['Tokyo', 'Osaka', 'Chicago', 'Austin', 'Nagoya', 'Portland', 'Kyoto', 'Columbus', 'Yokohama', 'Denver'],
  adj: ['helpful', 'clear', 'detailed', 'useful', 'thorough', 'quick', 'careful', 'well organized'],
};

const NEUTRAL = [
  'Thank you for sending {thing} on {day}.',
  'I have attached {thing} for your review.',
  'We shipped {n} {unit} of {product} from our warehouse in {place} this morning.',
  '{team} reviewed {thing} and found it very {adj}.',
  'Could you let me know whether {day} works for a short meeting about {product}?',
  'The next delivery of {n} {unit} should reach {place} around {day}.',
  'As discussed, {team} will prepare {thing} before {day}.',
  'Please find attached {thing}, which includes the changes we talked about.',
  'We would be glad to visit your office in {place} to walk you through {product}.',
  'Your feedback on {thing} was {adj}, and we have already updated the numbers.',
  'I will be in {place} on {day} and would be happy to stop by if that suits you.',
  'Our price for {n} {unit} of {product} stays the same as last quarter.',
  'Would it be possible to receive {thing} by {day}, as {team} meets the following week?',
  'We have confirmed the order for {n} {unit} and will send the tracking number on {day}.',
  'If anything in {thing} is unclear, {team} can answer questions by phone or email.',
  '{name} from {team} will join the call and can explain the schedule for {product}.',
  'The figures in {thing} now match the totals in the purchase order.',
  'Thank you again for your time in {place}; the tour of the line was {adj}.',
  'We plan to start the pilot of {product} with {n} {unit} and expand after the review on {day}.',
  'Let me know if {team} should adjust {thing} before we share it with the board.',
  'I checked with {team}, and we can keep {n} {unit} in stock for you through {day}.',
  'The contract manufacturer in {place} has finished the first run of {product}.',
  'We look forward to hearing your thoughts on {thing}.',
  'For reference, the current lead time for {product} is {n} weeks from the order date.',
  'I have copied {name}, who manages {thing} on our side.',
  'Attached are photos of the {unit} as they left the warehouse in {place}.',
  'Our team in {place} is available on {day} if you would like to see {product} in person.',
  'We appreciate your patience while {team} finished {thing}.',
  'The invoice for {n} {unit} will follow once the goods clear customs in {place}.',
  'I would be grateful if you could share {thing} with {name} as well.',
];

const TRIGGERS = [
  'Sorry to bother you again about {thing}.',
  'We need {thing} ASAP, so please send it right away.',
  'I think maybe we could possibly move the date a little, if possible.',
  'We will consider it and get back to you at some point.',
  'Send me {thing} by {day}.',
  'DO NOT release the order for {product} until you hear from me.',
  'Great news!! {team} closed the quarter with {n} new accounts!',
  'Sorry for my poor English, this might be a very basic question.',
  'That price simply does not work for us and is frankly unacceptable.',
  'It was the courier who made the mistake, not something on our side.',
  'The shipment of {product} is delayed by {n} days because of the typhoon.',
  'This is our final offer for {n} {unit}; take it or leave it.',
  "I'll be there at 3 sharp, maybe a few minutes late, haha.",
  'It is a great honor for us to humbly introduce {product} to your esteemed company.',
  'Just sign the attached agreement and send it back by {day}.',
  "I'm sorry if you were offended by {thing}.",
  'Hey, quick question about {thing}.',
  'We were unable to finish {thing} by {day}.',
  'Can we hop on a quick Zoom call on {day} to go over {product}?',
  'As I said before, {team} already explained this twice.',
];

const OPENERS = ['', '', '', 'Also, ', 'In addition, ', 'As a next step, ', 'On a related note, ', 'Separately, ', 'For what it is worth, ', 'Meanwhile, '];
const GREETINGS = ['Hi {name},', 'Dear {name},', 'Hello {name},', 'Good morning {name},'];
const SIGNOFFS = ['Best regards,', 'Kind regards,', 'Thank you very much,', 'Thanks,', 'Sincerely,'];
const SENDERS = ['Alex Romero\nAccount Executive, Quarryline Data', 'Tom Kessler\nAccount Manager, Tallgrass Fastener Co.', 'Hiroki Endo\nShirakawa Kogyo Co., Ltd.', 'Priya Nair\nLumen Hollow Labs'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function fill(template: string, rand: () => number): string {
  return template.replace(/\{(\w{1,10})\}/g, (_m, k: string) => pick(rand, SLOTS[k] ?? [k]));
}

function sentence(rand: () => number): string {
  const trigger = rand() < 1 / 6;
  const s = fill(pick(rand, trigger ? TRIGGERS : NEUTRAL), rand);
  const opener = pick(rand, OPENERS);
  if (!opener) return s;
  // Keep capitalised proper nouns and acronyms; lower only an ordinary first word.
  const first = s.split(' ', 1)[0]!;
  const lowered = /^[A-Z][a-z']{0,20}$/.test(first) && !['I', "I'm", "I'll"].includes(first) && !/^[A-Z][a-z]{0,3}\.$/.test(first) ? s[0]!.toLowerCase() + s.slice(1) : s;
  return opener + lowered;
}

export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

/**
 * A draft body of about `words` words (greeting, paragraphs of 2–6 sentences, sign-off and
 * signature), deterministic for a given seed.
 */
export function makeDraft(words: number, seed: number): string {
  const rand = prng(seed);
  const parts: string[] = [fill(pick(rand, GREETINGS), rand)];
  const tail = `${pick(rand, SIGNOFFS)}\n${pick(rand, SENDERS)}`;
  let count = countWords(parts[0]!) + countWords(tail);
  while (count < words) {
    const sentences: string[] = [];
    const k = 2 + Math.floor(rand() * 5);
    for (let i = 0; i < k && count < words; i++) {
      const s = sentence(rand);
      sentences.push(s);
      count += countWords(s);
    }
    parts.push(sentences.join(' '));
  }
  parts.push(tail);
  return parts.join('\n\n');
}

/** A draft of at least `chars` characters, cut at a paragraph boundary. */
export function makeDraftChars(chars: number, seed: number): string {
  let words = Math.ceil(chars / 6);
  for (;;) {
    const d = makeDraft(words, seed);
    if (d.length >= chars) return d;
    words = Math.ceil(words * 1.2);
  }
}

const EDIT_WORDS = ['promptly', 'shortly', 'carefully', 'gladly', 'today', 'tomorrow', 'soon', 'again', 'also', 'still'];

/**
 * The benches' keystroke: edit `i` of a sequence replaces one word somewhere in the body (after
 * the greeting) as a user typing would; `rand` picks where (bench/run.ts, bench/edits.ts).
 */
export function editOneWord(body: string, rand: () => number, i: number): string {
  const spaces: number[] = [];
  for (let k = body.indexOf(' ', 30); k !== -1 && spaces.length < 20000; k = body.indexOf(' ', k + 1)) spaces.push(k);
  const at = spaces[Math.floor(rand() * (spaces.length - 1))]!;
  const end = body.indexOf(' ', at + 1);
  const replacement = `${EDIT_WORDS[i % EDIT_WORDS.length]}${i}`.replace(/\d+$/, '') + (i % 2 ? '' : 'er');
  const edited = body.slice(0, at + 1) + replacement + body.slice(end === -1 ? body.length : end);
  return edited === body ? edited + ' ok' : edited;
}
