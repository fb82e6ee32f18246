/**
 * `npm run bench:heap`: the engine's heap while typing in a 5,000-word draft, in Node (the
 * engine alone, no browser): a character at a time into one paragraph of the middle of the
 * draft, one analysis per five characters (a pause), a sentence end every 80 characters, the
 * heap after a forced GC every 400 analyses. The engine's caches are bounded (src/engine/lru.ts),
 * so the heap must level off; it grew without end before their bound in characters (issue 12).
 * `-- --analyses N` (2,400).
 */
import { loadavg } from 'node:os';
import { analyze, DEFAULT_CONTEXT, type AnalysisContext, type Draft } from '../src/nemawashi';
import { makeDraft } from './drafts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench:heap needs node --expose-gc (npm run bench:heap passes it)');
const at = process.argv.indexOf('--analyses');
const ANALYSES = at !== -1 ? Math.max(400, Number(process.argv[at + 1]) || 2400) : 2400;
const CTX: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'ja', 'us'], firstContact: 'auto' };
const draftOf = (body: string): Draft => ({ body, subject: 'Schedule', recipients: [{ address: 'k.tanaka@sakura-trust.co.jp', name: '', field: 'to' }] });

const paras = makeDraft(5000, 4242).split('\n\n');
const mid = Math.floor(paras.length / 2);
const text = 'we will confirm the delivery date with the warehouse and send the details tomorrow ';
const heapMb = () => {
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
};
analyze(draftOf(paras.join('\n\n')), CTX);
const samples: Array<{ analyses: number; typed: number; heapMb: number }> = [{ analyses: 0, typed: 0, heapMb: heapMb() }];
let typed = 0;
for (let n = 1; n <= ANALYSES; n++) {
  for (let k = 0; k < 5; k++) {
    paras[mid] = paras[mid]! + text[typed % text.length]!;
    typed++;
    if (typed % 80 === 0) paras[mid] = paras[mid]! + '. ';
  }
  analyze(draftOf(paras.join('\n\n')), CTX);
  if (n % 400 === 0) samples.push({ analyses: n, typed, heapMb: heapMb() });
}
console.log(JSON.stringify({ loadAverage: loadavg()[0], samples }));
console.log(samples.map((s) => `${s.analyses} analyses (${s.typed} characters typed): ${s.heapMb} MB`).join('\n'));
