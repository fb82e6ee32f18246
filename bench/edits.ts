/**
 * `npm run bench:edits`: the two keystroke figures of `npm run bench` (a one-word edit in a
 * 5,000-word draft; a one-character edit in a 10,000-character Japanese draft), in several rounds
 * of 41 edits on different drafts, with the median of each round. On a machine shared with other
 * jobs one round's median swings with what else runs; the smallest and the middle of the rounds'
 * medians are steadier figures to compare two versions of the engine by, alternating runs.
 * `-- --rounds N` sets the number of rounds (8).
 */
import { loadavg } from 'node:os';
import { analyze, DEFAULT_CONTEXT, type AnalysisContext, type Draft } from '../src/nemawashi';
import { editOneWord, makeDraft, prng } from './drafts';
import { editOneKana, makeJapaneseDraft } from './drafts-ja';

const at = process.argv.indexOf('--rounds');
const ROUNDS = at !== -1 ? Math.max(1, Number(process.argv[at + 1]) || 8) : 8;
const EDITS = 41;
const CTX: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'ja', 'us'], firstContact: 'auto' };
const JA_CTX: AnalysisContext = { ...CTX, packs: ['common', 'ja'] };

function draftOf(body: string): Draft {
  return {
    body,
    subject: 'Schedule and next steps for the pilot',
    recipients: [{ address: 'k.tanaka@example.co.jp', name: 'Ken Tanaka', field: 'to' }],
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const loadBefore = loadavg()[0]!;
// Warm-up as `npm run bench` does before its edits: drafts of every size fill the caches.
for (const [size, runs] of [[100, 41], [300, 31], [1000, 21], [5000, 9], [20000, 5]] as const) {
  for (let r = 0; r < runs; r++) analyze(draftOf(makeDraft(size, size * 1000 + r)), CTX);
}

/** The median time of EDITS analyses, each after one edit of the previous body (warm engine). */
function editRound(body: string, ctx: AnalysisContext, edit: (body: string, rand: () => number, i: number) => string, rand: () => number): number {
  analyze(draftOf(body), ctx);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    body = edit(body, rand, i);
    const edited = body;
    times.push(timed(() => analyze(draftOf(edited), ctx)));
  }
  return median(times);
}

// The edits of `npm run bench` (bench/run.ts), on a different draft and edit sequence per round.
const english: number[] = [];
const japanese: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  english.push(editRound(makeDraft(5000, 4242 + round), CTX, editOneWord, prng(99 + round)));
  japanese.push(editRound(makeJapaneseDraft(10_000, 4343 + round), JA_CTX, editOneKana, prng(77 + round)));
}

const ms = (x: number): string => x.toFixed(2);
const line = (xs: number[]): string => `smallest ${ms(Math.min(...xs))} ms, middle ${ms(median(xs))} ms (rounds: ${xs.map(ms).join(' ')})`;
process.stdout.write(`wall clock; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; ${ROUNDS} rounds of ${EDITS} edits, median per round\n`);
process.stdout.write(`one-word edit in a 5,000-word draft: ${line(english)}\n`);
process.stdout.write(`one-character edit in a 10,000-character Japanese draft: ${line(japanese)}\n`);
