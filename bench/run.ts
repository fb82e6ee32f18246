/**
 * `npm run bench`: analyze() against alex, write-good and a regex phrase list on the same
 * generated drafts. `npm run bench -- --json` prints only the JSON summary on stdout.
 *
 * Every timed analyze() call gets text it has never seen (a fresh seed per run, a fresh edit per
 * edit run), so the engine's per-paragraph caches only help where they would help a user: the
 * one-word-edit measurement.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { text as alexText } from 'alex';
import writeGood from 'write-good';
import { analyze, buildDoc, DEFAULT_CONTEXT, rules, type AnalysisContext, type Draft } from '../src/nemawashi';
import { countWords, editOneWord, makeDraft, makeDraftChars, prng } from './drafts';
// @ts-expect-error: a plain ES module script without types
import { buildCli, CLI_FILE } from '../scripts/build-cli.mjs';
import { editOneKana, makeJapaneseDraft } from './drafts-ja';

const JSON_ONLY = process.argv.includes('--json');
/**
 * --cpu: time with this process's CPU time instead of the wall clock. On a machine shared with
 * other jobs the wall clock counts the time we wait for a core; CPU time counts only our work.
 */
const CPU_CLOCK = process.argv.includes('--cpu');
const log = (s = ''): void => {
  if (!JSON_ONLY) process.stdout.write(s + '\n');
};

const SIZES = [100, 300, 1000, 5000, 20000] as const;
/** Runs per size: enough for a stable median, few enough to keep the whole bench near 2 minutes. */
const RUNS: Record<(typeof SIZES)[number], number> = { 100: 41, 300: 31, 1000: 21, 5000: 9, 20000: 5 };
const CHAR_SIZES = [10_000, 50_000, 200_000] as const;
const CHAR_RUNS: Record<(typeof CHAR_SIZES)[number], number> = { 10_000: 9, 50_000: 5, 200_000: 3 };
const EDIT_RUNS = 41;

const CTX: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'ja', 'us'], firstContact: 'auto' };

function draftOf(body: string): Draft {
  return {
    body,
    subject: 'Schedule and next steps for the pilot',
    recipients: [{ address: 'k.tanaka@example.co.jp', name: 'Ken Tanaka', field: 'to' }],
  };
}

// ~60 phrases of the kind the catalogue flags, as one precompiled case-insensitive regex each:
// the cheapest possible checker, for scale.
const REGEX_PHRASES = [
  'asap', 'as soon as possible', 'immediately', 'right away', 'urgent', 'by end of day', 'eod', 'no later than',
  'final offer', 'take it or leave it', 'non-negotiable', 'sorry to bother you', 'sorry for my poor english',
  'sorry for the long email', 'sorry for the late reply', 'i apologize if', 'sorry if you', 'sorry you feel',
  'not our fault', 'mistakes were made', 'beyond our control', 'your team failed to', 'as i said before',
  'unacceptable', 'ridiculous', 'obviously', 'you should have', 'you must', 'i disagree', 'that is wrong',
  'we refuse', 'lol', 'haha', 'just kidding', 'on the dot', 'sharp', 'running late', 'a few minutes late',
  'hop on a quick call', 'zoom', 'teams', 'hey', 'howdy', 'cheers', 'thx', 'we will consider', 'we will study',
  'it is difficult', 'at some point', 'it may be possible', 'perhaps', 'maybe', 'possibly', 'i think', 'i guess',
  'kind of', 'sort of', 'i humbly', 'esteemed', 'please kindly', 'please be informed', 'kindly revert',
];
const REGEXES = REGEX_PHRASES.map((p) => new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\b`, 'gi'));

function regexCheck(text: string): number {
  let n = 0;
  for (const re of REGEXES) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
  }
  return n;
}

type Tool = 'nemawashi' | 'alex' | 'write-good' | 'regex';
const TOOLS: Tool[] = ['nemawashi', 'alex', 'write-good', 'regex'];
const RUN: Record<Tool, (body: string) => unknown> = {
  nemawashi: (body) => analyze(draftOf(body), CTX),
  // alex.text runs the whole retext pipeline (parse, equality, profanities) synchronously.
  alex: (body) => alexText(body).messages.length,
  'write-good': (body) => writeGood(body).length,
  regex: (body) => regexCheck(body),
};

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const now = CPU_CLOCK ? cpuMs : () => performance.now();

function time(fn: () => unknown, clock: () => number = now): number {
  const t0 = clock();
  fn();
  return clock() - t0;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const fmt = (x: number, w = 8): string => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '-').padStart(w);

const loadBefore = loadavg()[0]!;

// ---- warm-up: JIT, compromise's lexicon, alex's pipeline -----------------------------------
for (let i = 0; i < 3; i++) {
  const body = makeDraft(1000, 900_000 + i);
  for (const t of TOOLS) RUN[t](body);
}

// ---- µs per word by size -----------------------------------------------------------------
const usPerWord: Record<Tool, Record<string, number>> = { nemawashi: {}, alex: {}, 'write-good': {}, regex: {} };
const p95PerWord: Record<Tool, Record<string, number>> = { nemawashi: {}, alex: {}, 'write-good': {}, regex: {} };
const msMedian: Record<Tool, Record<string, number>> = { nemawashi: {}, alex: {}, 'write-good': {}, regex: {} };
const msP95: Record<Tool, Record<string, number>> = { nemawashi: {}, alex: {}, 'write-good': {}, regex: {} };
for (const size of SIZES) {
  const perWord: Record<Tool, number[]> = { nemawashi: [], alex: [], 'write-good': [], regex: [] };
  const ms: Record<Tool, number[]> = { nemawashi: [], alex: [], 'write-good': [], regex: [] };
  for (let r = 0; r < RUNS[size]; r++) {
    const body = makeDraft(size, size * 1000 + r);
    const words = countWords(body);
    // Interleaved per draft, so slow drift of a shared machine hits every tool alike.
    for (const t of TOOLS) {
      const dt = time(() => RUN[t](body));
      ms[t].push(dt);
      perWord[t].push((dt * 1000) / words);
    }
  }
  for (const t of TOOLS) {
    usPerWord[t][size] = round(median(perWord[t]));
    p95PerWord[t][size] = round(quantile(perWord[t], 0.95));
    msMedian[t][size] = median(ms[t]);
    msP95[t][size] = quantile(ms[t], 0.95);
  }
}

// ---- one-word edit in the 5,000-word draft ---------------------------------------------------
let body = makeDraft(5000, 4242);
analyze(draftOf(body), CTX);
const editTimes: number[] = [];
const rand = prng(99);
for (let i = 0; i < EDIT_RUNS; i++) {
  body = editOneWord(body, rand, i);
  editTimes.push(time(() => analyze(draftOf(body), CTX)));
}
const editMs = { '5000': round(median(editTimes)) };

// ---- ms per 10,000 characters (issue 5) -------------------------------------------------------
const msPer10kChars: Record<string, number> = {};
for (const chars of CHAR_SIZES) {
  const xs: number[] = [];
  for (let r = 0; r < CHAR_RUNS[chars]; r++) {
    const b = makeDraftChars(chars, chars + r);
    xs.push((time(() => analyze(draftOf(b), CTX)) * 10_000) / b.length);
  }
  msPer10kChars[chars] = round(median(xs));
}

// ---- the CLI as a process (issue 12): `node bin/nemawashi.mjs check DRAFT`, wall time ------------
const ROOT = join(import.meta.dirname, '..');
const CLI_DRAFT = join(ROOT, '../shared/corpus/01-quillfeather-bank-msa-intro.eml');
const CLI_RUNS = 10;
await buildCli();
/** CPU time (user + system, ms) of this process's finished children, from /proc (Linux); NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}
/**
 * Wall time (ms) of each run, timed by bench/process-timer.mjs, a small process of its own:
 * spawned from this one, whose heap holds the engine, each process cost ~17 ms more than from a
 * shell. Each run's exit status must be 0 or 1 (findings at the default --fail-on); anything else
 * is a broken run, not a figure.
 */
function processesMs(runs: Array<{ args: string[]; env?: NodeJS.ProcessEnv }>): number[] {
  const spec = JSON.stringify(runs.map((r) => ({ args: r.args, env: r.env, cwd: ROOT })));
  const timer = spawnSync(process.execPath, [join(ROOT, 'bench/process-timer.mjs'), spec], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (timer.status !== 0) throw new Error(`bench/process-timer.mjs exited ${timer.status}: ${timer.stderr}`);
  const out = JSON.parse(timer.stdout) as Array<{ ms: number; status: number | null; stderr: string }>;
  out.forEach((r, i) => {
    if (r.status !== 0 && r.status !== 1) throw new Error(`${runs[i]!.args.join(' ')} exited ${r.status}: ${r.stderr}`);
  });
  return out.map((r) => r.ms);
}
const processMs = (args: string[], env?: NodeJS.ProcessEnv): number => processesMs([{ args, env }])[0]!;
const cliLoad = loadavg()[0]!;
// The launcher keeps V8's code cache between runs (src/cli/launcher.mjs): one run fills a cache
// folder of its own, then the timed runs read it, as every run after an install does.
const cacheDir = mkdtempSync(join(tmpdir(), 'nemawashi-bench-cache-'));
const withCache = { ...process.env, NEMAWASHI_CACHE_DIR: cacheDir };
processMs([CLI_FILE, 'check', CLI_DRAFT], withCache);
const cpuBefore = childrenCpuMs();
const cliTimes = processesMs(Array.from({ length: CLI_RUNS }, () => ({ args: [CLI_FILE, 'check', CLI_DRAFT], env: withCache })));
// (Includes the timer process's own start, ~4 ms a run.)
const cliCpuMs = (childrenCpuMs() - cpuBefore) / CLI_RUNS;
// And without a cache (the first run after an install or an upgrade): a new empty folder each time.
const coldTimes = Array.from({ length: 5 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nemawashi-bench-cold-'));
  try {
    return processMs([CLI_FILE, 'check', CLI_DRAFT], { ...process.env, NEMAWASHI_CACHE_DIR: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
rmSync(cacheDir, { recursive: true, force: true });
// For comparison: the sources through tsx, as bin/ ran them before the CLI was built (3 runs).
const tsxTimes = Array.from({ length: 3 }, () => processMs(['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'check', CLI_DRAFT]));
const nodeTimes = processesMs(Array.from({ length: 5 }, () => ({ args: ['-e', '0'] })));
const cliMs = { check: round(median(cliTimes)), checkWithoutCache: round(median(coldTimes)), checkCpuMean: round(cliCpuMs), checkThroughTsx: round(median(tsxTimes)), nodeAlone: round(median(nodeTimes)), loadAverage: round(cliLoad) };

// ---- drafts written in Japanese (issue 15) ------------------------------------------------------
// A 2,000-character Japanese draft analysed from scratch (µs per character), and a one-character
// edit in a 10,000-character one (only the edited paragraph is segmented and checked again).
// The context a Japanese draft to a .co.jp recipient gets: the common and ja packs.
const JA_CTX: AnalysisContext = { ...CTX, packs: ['common', 'ja'] };
const JA_RUNS = 21;
const jaUsPerChar: number[] = [];
for (let r = 0; r < JA_RUNS; r++) {
  const b = makeJapaneseDraft(2000, 510_000 + r);
  jaUsPerChar.push((time(() => analyze(draftOf(b), JA_CTX)) * 1000) / b.length);
}
let jaBody = makeJapaneseDraft(10_000, 4343);
analyze(draftOf(jaBody), JA_CTX);
const jaEditTimes: number[] = [];
const jaRand = prng(77);
for (let i = 0; i < EDIT_RUNS; i++) {
  // Type one character into a random line of the writer's words (after the opening).
  jaBody = editOneKana(jaBody, jaRand, i);
  jaEditTimes.push(time(() => analyze(draftOf(jaBody), JA_CTX)));
}
const ja = { usPerChar2000: round(median(jaUsPerChar)), editMs10000: round(median(jaEditTimes)) };

if (JSON_ONLY) {
  process.stdout.write(JSON.stringify({ usPerWord, editMs, msPer10kChars, cliMs, ja }) + '\n');
} else {
  log(`analyze() with all packs on (${rules.length} rules); median / p95 microseconds per word`);
  // Wall-clock figures on a shared machine: tools are interleaved per draft, so the ratios hold
  // under load even when the absolute numbers do not.
  const busy = loadavg()[0]! > availableParallelism();
  log(`clock: ${CPU_CLOCK ? 'process CPU time (--cpu)' : 'wall'}; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores${busy && !CPU_CLOCK ? ' (busy machine: wall times are inflated, ratios less so; try --cpu)' : ''}`);
  log('');
  log(`${'words'.padStart(6)}  ${TOOLS.map((t) => `${t.padStart(10)} med  p95`.padStart(20)).join('')}`);
  for (const size of SIZES) {
    log(`${String(size).padStart(6)}  ${TOOLS.map((t) => `${fmt(usPerWord[t][size]!, 14)} ${fmt(p95PerWord[t][size]!, 5)}`).join('')}`);
  }
  log('');
  log('median analyze() time per draft (ms):');
  for (const size of SIZES) {
    log(`${String(size).padStart(6)} words: nemawashi ${fmt(msMedian.nemawashi[size]!)} (p95 ${fmt(msP95.nemawashi[size]!, 6)})   alex ${fmt(msMedian.alex[size]!)}   write-good ${fmt(msMedian['write-good'][size]!)}   regex ${fmt(msMedian.regex[size]!)}`);
  }
  log('');
  log('ratios (tool time / nemawashi time, > 1 means nemawashi is faster):');
  for (const size of SIZES) {
    const n = usPerWord.nemawashi[size]!;
    log(`${String(size).padStart(6)} words: alex ${fmt(usPerWord.alex[size]! / n, 6)}×   write-good ${fmt(usPerWord['write-good'][size]! / n, 6)}×   regex ${fmt(usPerWord.regex[size]! / n, 6)}×`);
  }
  log('');
  log(`one-word edit in the 5,000-word draft: median ${fmt(median(editTimes), 0)} ms, p95 ${fmt(quantile(editTimes, 0.95), 0)} ms (${EDIT_RUNS} edits)`);
  log(`ms per 10,000 characters: ${CHAR_SIZES.map((c) => `${c / 1000}k ${fmt(msPer10kChars[c]!, 0)}`).join('   ')}`);
  log(`Japanese draft, 2,000 characters: median ${fmt(ja.usPerChar2000, 0)} µs per character (p95 ${fmt(quantile(jaUsPerChar, 0.95), 0)}, ${JA_RUNS} drafts)`);
  log(`one-character edit in a 10,000-character Japanese draft: median ${fmt(median(jaEditTimes), 0)} ms, p95 ${fmt(quantile(jaEditTimes, 0.95), 0)} ms (${EDIT_RUNS} edits)`);
  const lin = usPerWord.nemawashi[20000]! / usPerWord.nemawashi[1000]!;
  log(`linearity: µs/word at 20,000 words is ${lin.toFixed(2)}× the figure at 1,000 words`);
  log('');
  const ok = (b: boolean): string => (b ? 'ok  ' : 'MISS');
  log('targets:');
  log(`  ${ok(usPerWord.nemawashi[1000]! <= 10)} ≤ 10 µs/word at 1,000 words: ${usPerWord.nemawashi[1000]}`);
  log(`  ${ok(usPerWord.nemawashi[5000]! <= 10)} ≤ 10 µs/word at 5,000 words: ${usPerWord.nemawashi[5000]}`);
  for (const size of [1000, 5000]) log(`  ${ok(usPerWord.alex[size]! / usPerWord.nemawashi[size]! >= 3)} ≥ 3× faster than alex at ${size}: ${(usPerWord.alex[size]! / usPerWord.nemawashi[size]!).toFixed(1)}×`);
  log(`  ${ok(editMs['5000'] <= 3)} one-word edit ≤ 3 ms median: ${editMs['5000']}`);
  log(`  ${ok(ja.editMs10000 <= 3)} one-character edit in a 10,000-character Japanese draft ≤ 3 ms median: ${ja.editMs10000}`);
  log(`  ${ok(lin <= 1.5)} linear to 20,000 words (µs/word within 1.5× of 1,000): ${lin.toFixed(2)}×`);
  log(`  ${ok(cliMs.check <= 300)} \`node bin/nemawashi.mjs check\` of one corpus draft ≤ 300 ms wall (median of ${CLI_RUNS} processes, code cache filled): ${cliMs.check} ms (CPU ${cliMs.checkCpuMean} ms per run; without the code cache ${cliMs.checkWithoutCache} ms; through tsx ${cliMs.checkThroughTsx} ms; \`node -e 0\` ${cliMs.nodeAlone} ms; load average ${cliMs.loadAverage})`);

  // Where the time goes: buildDoc and each rule's check, on fresh 5,000-word drafts.
  const PROFILE_RUNS = 3;
  const perRule = new Map<string, number>();
  let build = 0;
  for (let r = 0; r < PROFILE_RUNS; r++) {
    const d = draftOf(makeDraft(5000, 777_000 + r));
    let doc!: ReturnType<typeof buildDoc>;
    build += time(() => (doc = buildDoc(d, CTX)), cpuMs);
    for (const rule of rules) perRule.set(rule.id, (perRule.get(rule.id) ?? 0) + time(() => rule.check(doc, CTX), cpuMs));
  }
  const total = build + [...perRule.values()].reduce((a, b) => a + b, 0);
  log('');
  log(`profile on fresh 5,000-word drafts (CPU time, mean ms per draft; rules run in catalogue order, so a phrase table shared by rules is charged to the first):`);
  log(`  ${'buildDoc (segment, tokenize, sentences)'.padEnd(44)} ${fmt(build / PROFILE_RUNS)}  ${((build / total) * 100).toFixed(0).padStart(3)}%`);
  for (const [id, t] of [...perRule.entries()].sort((a, b) => b[1] - a[1])) {
    log(`  ${id.padEnd(44)} ${fmt(t / PROFILE_RUNS)}  ${((t / total) * 100).toFixed(0).padStart(3)}%`);
  }
}
