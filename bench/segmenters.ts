/**
 * `npm run bench:segmenters`: the three sentence splitters we could use, measured on the writer's
 * own words of the real-mail dev set (../shared/real-mail/enron, personal emails): our own
 * (src/engine/text.ts splitSentences), Intl.Segmenter('en', sentence) and compromise's.
 *
 * There is no hand-marked sentence gold for real mail, so each splitter's boundaries are checked
 * against the error classes a reviewer sees on real mail, with the same checks for all three:
 * - a split right after an abbreviation (v., Co., Inc., U.S., Govt., Mr., No. before a number…);
 * - a split inside a URL or an e-mail address, or inside a number ("3.5");
 * - a split at a soft line wrap (the next line goes on in lower case);
 * - a missed end: ". " or "? " or "! " after an ordinary lower-case word, then a capital, on one
 *   line, with no split there.
 * Speed is the median of 5 runs over the whole set, in µs per word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise/two';
import { buildDoc, DEFAULT_CONTEXT, splitSentences, tokenize } from '../src/engine';
import { parseEml } from '../src/cli/eml';

const DIR = join(import.meta.dirname, '../../shared/real-mail/enron');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Array<{ file: string; kind: string }>;

const paragraphs: string[] = [];
for (const m of manifest.filter((x) => x.kind === 'personal')) {
  const draft = await parseEml(readFileSync(join(DIR, m.file)));
  const doc = buildDoc(draft, DEFAULT_CONTEXT);
  for (const p of doc.paragraphs) paragraphs.push(doc.body.slice(p.start, p.end));
}
const words = paragraphs.reduce((n, p) => n + tokenize(p).filter((t) => t.isWord).length, 0);

type Splitter = (text: string) => number[];
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const splitters: Record<string, Splitter> = {
  own: (text) => splitSentences(text, 0, tokenize(text), 0).map((s) => s.start).filter((x) => x > 0),
  'Intl.Segmenter': (text) => [...segmenter.segment(text)].map((s) => s.index).filter((x) => x > 0),
  compromise: (text) => {
    const out: number[] = [];
    for (const s of nlp(text).json({ offset: true }) as Array<{ offset: { start: number } }>) if (s.offset.start > 0) out.push(s.offset.start);
    return out;
  },
};

const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Co|Inc|Ltd|Corp|Govt|Gov|v|vs|St|Jr|Sr|U\.S|U\.K|e\.g|i\.e|etc|approx|Dept|No|Nos|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;
const URLISH = /(?:https?:\/\/|www\.|@)\S*$/i;

function classify(text: string, breaks: readonly number[]): { bad: number; missed: number; total: number } {
  let bad = 0;
  const at = new Set<number>();
  for (const b of breaks) {
    // A boundary is where the next sentence starts; compare at the first non-space character.
    let s = b;
    while (s < text.length && /\s/.test(text[s]!)) s++;
    at.add(s);
    const before = text.slice(Math.max(0, b - 40), b);
    const prevChar = before.trimEnd().slice(-1);
    const lineBreak = /\n\s*$/.test(before);
    if (ABBREVIATION.test(before) && !(before.trimEnd().endsWith('No.') && !/^\d/.test(text[s] ?? ''))) bad++;
    else if (!/\s$/.test(before) && URLISH.test(before)) bad++;
    else if (/\d$/.test(prevChar === '.' ? before.trimEnd().slice(-2, -1) : '') && /^\d/.test(text[s] ?? '') && !/\s/.test(text[b - 1] ?? '')) bad++;
    else if (lineBreak && !/[.!?:;]\s*$/.test(before.replace(/\n\s*$/, '')) && /^[a-z]/.test(text[s] ?? '')) bad++;
  }
  let missed = 0;
  const ends = /\b([a-z]{3,})[.!?]["')\]]? +(?=[A-Z])/g;
  for (const m of text.matchAll(ends)) {
    const next = m.index + m[0].length;
    if (!at.has(next)) missed++;
  }
  return { bad, missed, total: breaks.length };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`Sentence splitters on the writer's words of ${paragraphs.length} paragraphs (${words} words) of the personal real-mail set`);
console.log('splitter          boundaries  wrong splits  missed ends   µs/word (median of 5)');
for (const [name, split] of Object.entries(splitters)) {
  let bad = 0;
  let missed = 0;
  let total = 0;
  for (const p of paragraphs) {
    const r = classify(p, split(p));
    bad += r.bad;
    missed += r.missed;
    total += r.total;
  }
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (const p of paragraphs) split(p);
    times.push(((performance.now() - t0) * 1000) / words);
  }
  console.log(`${name.padEnd(17)} ${String(total).padStart(10)}  ${String(bad).padStart(12)}  ${String(missed).padStart(11)}   ${median(times).toFixed(2).padStart(7)}`);
}
