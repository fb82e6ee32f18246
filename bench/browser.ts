/**
 * `npm run bench:browser`: the content script in the real browser (Debian's Chromium with the
 * built extension) on the demo mail page.
 *
 * - page load with no compose open: what loads (the page-load content script's bytes, gzip),
 *   the extension's main-thread work (its scripts' evaluation and callbacks, from a Chromium
 *   trace) and long tasks (> 50 ms) that contain any of it;
 * - a compose opening with the engine cold (the engine script not yet injected): click → first
 *   underlines drawn (median), the longest task in between, and the engine's injection and
 *   warm-up; then a second compose in the same tab;
 * - keystroke → updated underline latency, after the debounce, for drafts of 300 and 5,000
 *   words: from the `input` event of a keystroke to the first animation frame after the
 *   analysis that follows it, minus the debounce (median, p95);
 * - long tasks (> 50 ms, PerformanceObserver 'longtask') while typing continuously;
 * - the JS heap (after a forced GC) with no compose, after the engine has loaded, and during and
 *   after a long typing run in a 5,000-word draft (BENCH_TYPING_SECONDS, default 120);
 * - the check at Send with nothing at the threshold (issue 11): from a trusted press on Send or
 *   Ctrl+Enter to the page's own handler for it (`performance.now() - event.timeStamp` in the
 *   Gmail fixture's listener, served at mail.google.com), with the extension and without it, for
 *   a draft already analysed and for a Send right after a keystroke (analysed at Send).
 *
 * - a pasted block (issue 10): 100,000 and 1,000,000 characters pasted as one paragraph into
 *   the demo compose; the longest task while it is analysed (long tasks that overlap the
 *   analysis, from the first slice to the underlines), our longest slice and the number of
 *   slices (median of BENCH_PASTE_RUNS, default 3; BENCH_ONLY=paste for this figure alone).
 *
 * Set NEMAWASHI_OUT_DIR to bench another build; NEMAWASHI_SKIP_BUILD=1 to reuse one;
 * BENCH_SAMPLES (keystrokes per latency run), BENCH_COLD_RUNS (cold composes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, fixture, launchWithExtension, ROOT, serveAt, startStaticServer, type ExtensionBrowser } from '../tests/e2e/harness';
import { caretAfter } from '../tests/e2e/page-helpers';
import { inShadows } from '../tests/e2e/shadow';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
/** Sends per case in the check-at-Send figure (each waits out the debounce: fewer than keystrokes). */
const SEND_SAMPLES = Math.min(SAMPLES, 25);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const TYPING_SECONDS = Number(process.env.BENCH_TYPING_SECONDS ?? 120);

const SENTENCES = [
  'Thank you for the detailed update on the shipment schedule for the second quarter.',
  'We reviewed the forecast with our operations team and the numbers look consistent with last year.',
  'Could you please confirm whether the revised packaging meets the new labelling requirements?',
  'Our engineers will visit the Nagoya plant in June to discuss the tooling changes in person.',
  'The pilot with the retail branches went well, and the staff found the new screens easy to use.',
  'We need the signed order ASAP because the factory closes for the holidays.',
  'It was the courier\'s fault that the samples arrived late.',
  'I think perhaps we might possibly consider a slightly different approach to the pricing.',
  'Please let me know if the meeting on Tuesday at 10 works for your side.',
  'The quality report shows two minor defects, both fixed in the latest batch.',
  'This is VERY IMPORTANT for the launch!!',
  'We appreciate your patience while we finish the integration tests.',
];

/** About `words` words of business prose in paragraphs of ~5 sentences (some rules fire). */
function draftOf(words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  let i = 0;
  while (count < words) {
    const p: string[] = [];
    for (let k = 0; k < 5 && count < words; k++, i++) {
      const s = SENTENCES[(i * 7 + k) % SENTENCES.length]!;
      p.push(s);
      count += s.split(' ').length;
    }
    paragraphs.push(p.join(' '));
  }
  return paragraphs;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

async function runs(page: Page): Promise<number> {
  return Number((await page.locator('nemawashi-overlay').getAttribute('data-runs')) ?? '0');
}

async function waitForRunAfter(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-runs') ?? 0) > k, n, { timeout: 20_000 });
}

/** Puts a draft of `words` words in a fresh compose, to a Japanese recipient (all packs that apply). */
async function openDraft(page: Page, url: string, words: number): Promise<void> {
  await page.goto(`${url}/index.html?open=blank`);
  await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 15_000 });
  await page.locator('[data-field="to"] input').fill('k.tanaka@sakura-trust.co.jp');
  await page.keyboard.press('Enter');
  const before = await runs(page);
  // The page (not the extension) fills its own editor, like pasting a long draft.
  await page.evaluate((paragraphs) => {
    const editor = document.querySelector('[data-nemawashi-demo] .editor')!;
    for (const p of paragraphs) {
      const div = document.createElement('div');
      div.textContent = p;
      const blank = document.createElement('div');
      blank.append(document.createElement('br'));
      editor.append(div, blank);
    }
  }, draftOf(words));
  await waitForRunAfter(page, before);
  // Caret at the end of a paragraph in the middle of the draft.
  await page.evaluate(() => {
    const editor = document.querySelector<HTMLElement>('[data-nemawashi-demo] .editor')!;
    const divs = [...editor.children].filter((d) => d.textContent);
    const mid = divs[Math.floor(divs.length / 2)]!;
    editor.focus();
    const r = document.createRange();
    r.selectNodeContents(mid);
    r.collapse(false);
    const sel = getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
    mid.scrollIntoView({ block: 'center' });
  });
  await page.waitForTimeout(300);
}

interface LatencyResult {
  words: number;
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  analyzeMedianMs: number;
  readMedianMs: number;
  renderMedianMs: number;
  findings: number;
}

/** One keystroke, then wait for the analysis and the next frame; SAMPLES times. */
async function latency(page: Page, url: string, words: number): Promise<LatencyResult> {
  await openDraft(page, url, words);
  const debounce = Number(await page.locator('nemawashi-overlay').getAttribute('data-debounce-ms'));
  const samples: number[] = [];
  const analyze: number[] = [];
  const read: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const before = await runs(page);
    await page.evaluate(() => {
      const w = window as unknown as { __input: number; __painted: Promise<number> };
      const host = document.querySelector('nemawashi-overlay')!;
      const start = Number(host.getAttribute('data-runs'));
      document.addEventListener('input', () => (w.__input = performance.now()), { once: true, capture: true });
      w.__painted = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (Number(host.getAttribute('data-runs')) > start) {
            mo.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        mo.observe(host, { attributes: true, attributeFilter: ['data-runs'] });
      });
    });
    await page.keyboard.type(i % 6 === 5 ? ' ' : 'x');
    await waitForRunAfter(page, before);
    const t = await page.evaluate(async () => {
      const w = window as unknown as { __input: number; __painted: Promise<number> };
      const painted = await w.__painted;
      const host = document.querySelector('nemawashi-overlay')!;
      return {
        total: painted - w.__input,
        analyze: Number(host.getAttribute('data-last-analyze-ms')),
        read: Number(host.getAttribute('data-last-read-ms')),
        render: Number(host.getAttribute('data-last-render-ms')),
      };
    });
    samples.push(t.total - debounce);
    analyze.push(t.analyze);
    read.push(t.read);
    render.push(t.render);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const med = (xs: number[]): number => quantile([...xs].sort((a, b) => a - b), 0.5);
  const findings = Number(await page.locator('nemawashi-badge').getAttribute('data-count'));
  return {
    words,
    samples: samples.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted[sorted.length - 1]!,
    analyzeMedianMs: med(analyze),
    readMedianMs: med(read),
    renderMedianMs: med(render),
    findings,
  };
}

/** Types continuously (≈ 12 characters a second, words and spaces) and collects long tasks. */
async function longTasks(page: Page, url: string, words: number, seconds: number): Promise<{ words: number; count: number; duringAnalysis: number; maxMs: number; durations: number[]; analyses: number }> {
  await openDraft(page, url, words);
  await page.evaluate(() => {
    const w = window as unknown as { __long: Array<[number, number]>; __runs: Array<[number, number]> };
    w.__long = [];
    w.__runs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
    // Each analysis's [start, end], to tell our long tasks from the page's or the browser's.
    const host = document.querySelector('nemawashi-overlay')!;
    new MutationObserver(() =>
      w.__runs.push([Number(host.getAttribute('data-last-run-start')), Number(host.getAttribute('data-last-run-end'))]),
    ).observe(host, { attributes: true, attributeFilter: ['data-runs'] });
  });
  const before = await runs(page);
  const text = 'we will confirm the delivery date with the warehouse and send the details tomorrow ';
  const end = Date.now() + seconds * 1000;
  let i = 0;
  while (Date.now() < end) {
    await page.keyboard.type(text[i % text.length]!);
    i++;
    // Pauses between words, as people type: lets the debounced analysis run mid-typing.
    await page.waitForTimeout(text[i % text.length] === ' ' ? 260 : 80);
  }
  await page.waitForTimeout(500);
  const { long, analysisRuns } = await page.evaluate(() => {
    const w = window as unknown as { __long: Array<[number, number]>; __runs: Array<[number, number]> };
    return { long: w.__long, analysisRuns: w.__runs };
  });
  const durations = long.map(([, d]) => d);
  const duringAnalysis = long.filter(([t, d]) => analysisRuns.some(([s, e]) => s < t + d && e > t)).length;
  return { words, count: durations.length, duringAnalysis, maxMs: durations.length ? Math.max(...durations) : 0, durations, analyses: (await runs(page)) - before };
}

interface SendLatency {
  words: number;
  gesture: 'press on Send' | 'Ctrl+Enter';
  draft: 'analysed' | 'just typed';
  withExtensionMedianMs: number;
  withExtensionP95Ms: number;
  withoutExtensionMedianMs: number;
  /** Calls of the page's handler per gesture (must be 1: never held, never twice). */
  callsPerGesture: number;
}

/** The Gmail fixture with a draft of about `words` words and nothing at the error threshold. */
function cleanGmail(words: number): string {
  const paragraphs = JSON.stringify(draftOf(words));
  const script = `(() => {
    document.querySelector('.GM').remove();
    const body = document.querySelector('#c1-body');
    body.replaceChildren('Dear Mr. Endo,', ...${paragraphs}.map((p) => Object.assign(document.createElement('div'), { textContent: p })), Object.assign(document.createElement('div'), { textContent: 'Best regards,' }));
    window.__lags = [];
    const send = document.querySelector('.T-I.aoO');
    send.addEventListener('pointerdown', (e) => window.__lags.push(['press', performance.now() - e.timeStamp]));
    document.querySelector('[role="dialog"]').addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); window.__lags.push(['ctrl', performance.now() - e.timeStamp]); } });
  })();`;
  return fixture('gmail-new-message.html').replace(/<\/body>/i, `<script>${script}</script></body>`);
}

async function sendLags(b: ExtensionBrowser, words: number, withExtension: boolean): Promise<Record<string, { lags: number[]; calls: number }>> {
  const url = `https://mail.google.com/mail/u/0/bench-${words}-${withExtension ? 'on' : 'off'}`;
  await serveAt(b.context, url, cleanGmail(words));
  const page = await b.context.newPage();
  await page.goto(url);
  if (withExtension) await page.waitForFunction(() => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-runs') ?? 0) > 0, undefined, { timeout: 20_000 });
  const out: Record<string, { lags: number[]; calls: number }> = {};
  const box = (await page.locator('.T-I.aoO').boundingBox())!;
  const caretAtEnd = () =>
    page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('#c1-body')!;
      body.focus();
      const last = body.lastElementChild!.previousElementSibling!;
      document.getSelection()!.collapse(last, last.childNodes.length);
    });
  for (const draft of ['analysed', 'just typed'] as const) {
    for (const gesture of ['press', 'ctrl'] as const) {
      await page.evaluate(() => ((window as unknown as { __lags: unknown[] }).__lags = []));
      for (let i = 0; i < SEND_SAMPLES; i++) {
        await caretAtEnd();
        if (draft === 'just typed') await page.keyboard.type('x');
        else await page.waitForTimeout(260);
        if (gesture === 'press') {
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.down();
          await page.mouse.up();
        } else await page.keyboard.press('Control+Enter');
        await page.waitForTimeout(30);
      }
      const lags = await page.evaluate(() => (window as unknown as { __lags: Array<[string, number]> }).__lags.map(([, l]) => l));
      out[`${draft}|${gesture}`] = { lags: lags.sort((a, c) => a - c), calls: lags.length / SEND_SAMPLES };
    }
  }
  await page.close();
  return out;
}

async function sendLatency(words: number): Promise<SendLatency[]> {
  const on = await launchWithExtension();
  const withExt = await sendLags(on, words, true).finally(() => on.close());
  const off = await launchWithExtension({ extension: false });
  const withoutExt = await sendLags(off, words, false).finally(() => off.close());
  return Object.keys(withExt).map((key) => {
    const [draft, gesture] = key.split('|') as [SendLatency['draft'], 'press' | 'ctrl'];
    const a = withExt[key]!;
    const z = withoutExt[key]!;
    return {
      words,
      gesture: gesture === 'press' ? 'press on Send' : 'Ctrl+Enter',
      draft,
      withExtensionMedianMs: quantile(a.lags, 0.5),
      withExtensionP95Ms: quantile(a.lags, 0.95),
      withoutExtensionMedianMs: quantile(z.lags, 0.5),
      callsPerGesture: a.calls,
    };
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Thread (CPU) time of an 'X' event, µs: what the work cost, apart from waiting for a core. */
  tdur?: number;
  args?: { data?: { url?: string; frame?: string } };
}

/** Records a Chromium trace of the page's renderer while `action` runs. */
async function traced(context: BrowserContext, page: Page, action: () => Promise<void>, categories = ['devtools.timeline', 'v8', 'toplevel']): Promise<TraceEvent[]> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/**
 * The extension's main-thread work in a trace: the union of the intervals of its scripts'
 * evaluation and of the calls into them (callbacks: timers, observers, messages), on the
 * renderer thread that ran them; and the tasks over 50 ms that contain any of it.
 */
function extensionWork(events: TraceEvent[], extensionId: string): { mainThreadMs: number; mainThreadCpuMs: number; evaluationMs: number; longTasks: number[] } {
  const prefix = `chrome-extension://${extensionId}/`;
  const ours = events.filter(
    (e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') && e.args?.data?.url?.startsWith(prefix),
  );
  if (ours.length === 0) return { mainThreadMs: 0, mainThreadCpuMs: 0, evaluationMs: 0, longTasks: [] };
  const thread = `${ours[0]!.pid}:${ours[0]!.tid}`;
  const spans = ours
    .filter((e) => `${e.pid}:${e.tid}` === thread)
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [cs, ce] = spans[0]!;
  for (const [s, e] of spans.slice(1)) {
    if (s > ce) {
      total += ce - cs;
      [cs, ce] = [s, e];
    } else ce = Math.max(ce, e);
  }
  total += ce - cs;
  // The same work in thread time (CPU): on a loaded machine the wall time above includes the
  // time the renderer waited for a core. Outermost events only (a compile inside an evaluation
  // is counted once).
  let cpu = 0;
  let outerEnd = -Infinity;
  for (const e of ours.filter((x) => `${x.pid}:${x.tid}` === thread).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (e.ts < outerEnd) continue;
    outerEnd = e.ts + (e.dur ?? 0);
    cpu += e.tdur ?? e.dur ?? 0;
  }
  const evaluationMs = ours.filter((e) => e.name === 'EvaluateScript').reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  const longTasks = events
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && `${e.pid}:${e.tid}` === thread && (e.dur ?? 0) > 50_000)
    .filter((t) => spans.some(([s, e]) => s < t.ts + t.dur! && e > t.ts))
    .map((t) => t.dur! / 1000);
  return { mainThreadMs: total / 1000, mainThreadCpuMs: cpu / 1000, evaluationMs, longTasks };
}

async function overlayReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-startup-ms'), undefined, { timeout: 15_000 });
}

/** Loads the demo page with no compose open, traced; median over `runs` loads. */
async function pageLoad(context: BrowserContext, extensionId: string, url: string, runs: number) {
  const results: Array<ReturnType<typeof extensionWork> & { engineLoaded: boolean }> = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const events = await traced(context, page, async () => {
      await page.goto(`${url}/index.html?open=none`);
      await overlayReady(page);
      // Long enough for the settings read, the first scan and a rescan timer.
      await page.waitForTimeout(1500);
    });
    const engineLoaded = await page.evaluate(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-engine-requested') ?? false);
    results.push({ ...extensionWork(events, extensionId), engineLoaded });
    await page.close();
  }
  const med = (xs: number[]): number => quantile([...xs].sort((a, b) => a - b), 0.5);
  return {
    runs,
    mainThreadMedianMs: med(results.map((r) => r.mainThreadMs)),
    mainThreadMaxMs: Math.max(...results.map((r) => r.mainThreadMs)),
    mainThreadEachMs: results.map((r) => Math.round(r.mainThreadMs * 10) / 10),
    mainThreadCpuMedianMs: med(results.map((r) => r.mainThreadCpuMs)),
    mainThreadCpuEachMs: results.map((r) => Math.round(r.mainThreadCpuMs * 10) / 10),
    evaluationMedianMs: med(results.map((r) => r.evaluationMs)),
    longTasks: results.flatMap((r) => r.longTasks),
    engineLoadedWithoutCompose: results.some((r) => r.engineLoaded),
  };
}

interface ColdCompose {
  toUnderlinesMs: number;
  detectMs: number;
  injectMs: number;
  warmupMs: number;
  longestSliceMs: number;
  /** Which warm-up slice was longest ("tables 3", "tagger 12"). */
  longestSlice: string;
  /**
   * Longest task of the page's main thread from the click to the underlines, from a trace: the
   * page's PerformanceObserver('longtask') does not report the tasks in which the background's
   * `scripting.executeScript` compiles and runs our scripts, so it is not used here.
   */
  longestTaskMs: number;
  /** The longest task's thread (CPU) time: on a loaded machine the wall time includes waiting for a core. */
  longestTaskCpuMs: number;
  /** What that task ran: a script's evaluation ("engine.js"), or "callbacks" (our slices, the analysis). */
  longestTaskWhat: string;
  /** Tasks over 50 ms in that window, as "ms what". */
  longTasks: string[];
  /** Whether the organisation's policy was read in time for the first check ('read') or came late ('late'). */
  policy: string;
  /** Main-thread CPU (thread time) of all tasks from the click to the underlines. */
  mainThreadCpuMs: number;
  findings: number;
  secondComposeMs: number;
}

/**
 * The tasks of the renderer's main thread in `events` from the one that dispatched the click on,
 * where the thread is the one that evaluated the engine's tagger script.
 */
function coldTasks(events: TraceEvent[]): { longestTaskMs: number; longestTaskCpuMs: number; longestTaskWhat: string; longTasks: string[]; mainThreadCpuMs: number } {
  const evals = events.filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/engine-tagger.js'));
  if (evals.length === 0) return { longestTaskMs: NaN, longestTaskCpuMs: NaN, longestTaskWhat: 'no trace', longTasks: [], mainThreadCpuMs: NaN };
  const on = (e: TraceEvent) => e.pid === evals[0]!.pid && e.tid === evals[0]!.tid;
  const thread = events.filter((e) => on(e) && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const inside = (t: TraceEvent, e: TraceEvent) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0);
  const click = thread.find((e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string } | undefined)?.type === 'click');
  const from = click ? (tasks.find((t) => inside(t, click))?.ts ?? click.ts) : tasks[0]!.ts;
  const span = tasks.filter((t) => t.ts >= from);
  const what = (t: TraceEvent): string => {
    const script = thread.find((e) => e.name === 'EvaluateScript' && inside(t, e));
    return script ? (script.args?.data?.url?.replace(/^.*\//, '') ?? 'a script') : 'callbacks';
  };
  const longest = span.reduce((a, t) => ((t.dur ?? 0) > (a?.dur ?? -1) ? t : a), span[0]);
  return {
    longestTaskMs: (longest?.dur ?? 0) / 1000,
    longestTaskCpuMs: Math.max(0, ...span.map((t) => t.tdur ?? 0)) / 1000,
    longestTaskWhat: longest ? what(longest) : '',
    longTasks: span.filter((t) => (t.dur ?? 0) > 50_000).map((t) => `${Math.round(t.dur! / 1000)} ${what(t)}`),
    mainThreadCpuMs: span.reduce((a, t) => a + (t.tdur ?? 0), 0) / 1000,
  };
}

/**
 * Waits until the browser has loaded the organisation's policy (the first \`storage.managed\` read
 * in a new browser waits for it: 2.5 s after launch here, then ~1 ms), so that the cold composes
 * measure the engine's load, not the browser's start. A compose opened in those first seconds
 * checks with the user's settings after at most 400 ms (controller.ts, POLICY_WAIT_MS), then again
 * with the policy. Returns how long the read took (10,000: it had not answered then).
 */
async function policyLoaded(b: ExtensionBrowser): Promise<number> {
  // At most 10 s: once, in a full run, the worker's read took 168 s (not reproduced; the composes
  // then count a late policy in \`policyLate\`).
  return b.serviceWorker.evaluate(async () => {
    const t = performance.now();
    await Promise.race([chrome.storage.managed.get(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    return Math.round(performance.now() - t);
  });
}

/**
 * A fresh tab with no compose; once the content script is idle, the page opens the sample
 * compose (the user's click). Click → the frame after the first analysis is drawn.
 */
async function coldCompose(context: BrowserContext, url: string): Promise<ColdCompose> {
  const page = await context.newPage();
  await page.goto(`${url}/index.html?open=none`);
  await overlayReady(page);
  await page.waitForTimeout(800);
  const openAndWait = (selector: string, runsBefore: number) =>
    page.evaluate(
      ({ selector, runsBefore }) =>
        new Promise<{ t0: number; painted: number }>((resolve) => {
          const host = document.querySelector('nemawashi-overlay')!;
          const mo = new MutationObserver(() => {
            if (Number(host.getAttribute('data-runs') ?? 0) > runsBefore) {
              mo.disconnect();
              requestAnimationFrame(() => resolve({ t0, painted: performance.now() }));
            }
          });
          mo.observe(host, { attributes: true, attributeFilter: ['data-runs'] });
          const t0 = performance.now();
          document.querySelector<HTMLButtonElement>(selector)!.click();
        }),
      { selector, runsBefore },
    );
  // Traced (the task-level categories only: what the renderer's main thread ran, and whose script).
  let first = { t0: 0, painted: 0 };
  const events = await traced(
    context,
    page,
    async () => {
      first = await openAndWait('[data-open="sample"]', 0);
    },
    ['devtools.timeline', 'toplevel'],
  );
  const r = await page.evaluate((t0) => {
    const host = document.querySelector('nemawashi-overlay')!;
    const a = ['data-engine-requested', 'data-engine-inject-ms', 'data-engine-warmup-ms', 'data-engine-longest-slice-ms'].map((k) => Number(host.getAttribute(k)));
    return {
      detectMs: a[0]! - t0,
      injectMs: a[1]!,
      warmupMs: a[2]!,
      longestSliceMs: a[3]!,
      longestSlice: host.getAttribute('data-engine-longest-slice') ?? '',
      policy: host.getAttribute('data-engine-policy') ?? '',
    };
  }, first.t0);
  // The tests read the badge's count the same way.
  const findings = Number(await page.locator('nemawashi-badge').first().getAttribute('data-count'));
  const runsNow = Number((await page.locator('nemawashi-overlay').getAttribute('data-runs')) ?? 0);
  const second = await openAndWait('[data-open="reply"]', runsNow);
  await page.close();
  return { ...r, ...coldTasks(events), findings, toUnderlinesMs: first.painted - first.t0, secondComposeMs: second.painted - second.t0 };
}

/** JS heap used by the page's isolate (the page and the content script's world), after a GC. */
async function heapUsedMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Heap with no compose, after the engine's first analysis, and across a long typing run. */
async function memory(context: BrowserContext, url: string, seconds: number) {
  const page = await context.newPage();
  await page.goto(`${url}/index.html?open=none`);
  await overlayReady(page);
  await page.waitForTimeout(500);
  const noCompose = await heapUsedMb(context, page);
  await page.locator('[data-open="blank"]').click();
  await page.waitForFunction(() => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-runs') ?? 0) > 0, undefined, { timeout: 20_000 });
  const engineLoaded = await heapUsedMb(context, page);
  await page.close();

  const typing = await context.newPage();
  await openDraft(typing, url, 5000);
  const afterDraft = await heapUsedMb(context, typing);
  const text = 'we will confirm the delivery date with the warehouse and send the details tomorrow ';
  const samples: Array<{ atS: number; heapMb: number }> = [];
  const start = Date.now();
  const end = start + seconds * 1000;
  // Four samples in a short run; one a minute in a long one (the 10-minute figure of issue 12).
  const sampleEveryMs = seconds >= 240 ? 60_000 : (seconds * 1000) / 4;
  let nextSample = start + sampleEveryMs;
  let i = 0;
  const analysesBefore = await runs(typing);
  while (Date.now() < end) {
    // A new sentence every ~80 characters, so each pause re-analyses a changed paragraph.
    await typing.keyboard.type(text[i % text.length]!);
    i++;
    await typing.waitForTimeout(text[i % text.length] === ' ' ? 260 : 60);
    if (Date.now() >= nextSample) {
      samples.push({ atS: Math.round((Date.now() - start) / 1000), heapMb: await heapUsedMb(context, typing) });
      nextSample += sampleEveryMs;
    }
  }
  await typing.waitForTimeout(500);
  const afterTyping = await heapUsedMb(context, typing);
  const analyses = (await runs(typing)) - analysesBefore;
  await typing.close();
  return { noComposeMb: noCompose, engineLoadedMb: engineLoaded, draft5000Mb: afterDraft, typingSeconds: seconds, charactersTyped: i, analyses, duringTyping: samples, afterTypingMb: afterTyping };
}

/**
 * The popup opened on a tab with no compose (issue 12: the engine is loaded only when the paste
 * box is used or a draft's findings need the rules' titles): navigation → the view rendered
 * (median of `runs`), then a pasted draft checked with the engine cold: click → findings shown.
 */
async function popupOpen(b: ExtensionBrowser, url: string, runs: number) {
  const tabIds = () => b.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const before = new Set(await tabIds());
  const mail = await b.context.newPage();
  await mail.goto(`${url}/index.html?open=none`);
  const tabId = (await tabIds()).find((id) => !before.has(id));
  const open: number[] = [];
  const paste: number[] = [];
  for (let i = 0; i < runs; i++) {
    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: 400, height: 800 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('form.paste', { timeout: 20_000 });
    open.push(await popup.evaluate(() => performance.now()));
    await popup.fill('#paste', 'Hey guys, send me the report ASAP!! lol');
    const t0 = await popup.evaluate(() => performance.now());
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('.findings .group', { timeout: 20_000 });
    paste.push((await popup.evaluate(() => performance.now())) - t0);
    await popup.close();
  }
  await mail.close();
  const med = (xs: number[]): number => quantile([...xs].sort((a, c) => a - c), 0.5);
  return { runs, openMedianMs: med(open), firstPasteCheckMedianMs: med(paste) };
}

function printSend(send: SendLatency[]): void {
  for (const x of send) {
    console.log(
      'Check at Send, nothing at the threshold, %d words, %s, draft %s: trusted event → page handler median %s ms (p95 %s) with the extension, %s ms without; handler calls per Send %s',
      x.words, x.gesture, x.draft, x.withExtensionMedianMs.toFixed(2), x.withExtensionP95Ms.toFixed(2), x.withoutExtensionMedianMs.toFixed(2), x.callsPerGesture,
    );
  }
}

interface PasteRun {
  chars: number;
  /** Longest long task (> 50 ms) overlapping the analysis, 0 when none. */
  longestTaskMs: number;
  longTasks: number;
  /** Our own longest slice (analysis steps) and how many there were. */
  longestSliceMs: number;
  slices: number;
  windows: number;
  analyzeMs: number;
  /** Paste → underlines drawn for the whole draft. */
  toUnderlinesMs: number;
  /** Our longest unit of work and its stage. */
  longestUnitMs: number;
  longestUnit: string;
  /** Our other tasks: reading the editor (with the first slice's task) and drawing the underlines (with the last). */
  readMs: number;
  renderMs: number;
  /** Long tasks overlapping the analysis that are not ours (the browser's layout and paint of the pasted text, mostly). */
  longestOtherTaskMs: number;
}

const PASTE_RUNS = Number(process.env.BENCH_PASTE_RUNS ?? 3);

/** Pastes `chars` characters as one paragraph into the demo's sample compose (issue 10). */
async function pasteRun(context: BrowserContext, url: string, chars: number): Promise<PasteRun> {
  const page = await context.newPage();
  await page.goto(`${url}/index.html?open=none`);
  await page.locator('[data-open="sample"]').click();
  await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, undefined, { timeout: 60_000 });
  const plain = 'The quarterly figures for the northern region were reviewed by the team and the summary is attached for reference. ';
  let text = '';
  for (let i = 0; text.length < chars; i++) text += i % 40 === 0 ? 'Please CALL US before Friday. ' : plain;
  text = text.slice(0, chars);
  await page.evaluate(() => {
    const w = window as unknown as { __long: Array<[number, number]> };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
  });
  await caretAfter(page, "I promise it won't be boring lol.");
  const figures = async () =>
    (await inShadows(page, 'nemawashi-overlay', (root) => ({ ...(root.querySelector<HTMLElement>('.figures')?.dataset ?? {}) })))[0] ?? {};
  // BENCH_PROFILE=<dir>: a CPU profile of the tab from the paste to the underlines, to see what
  // each long task is (the browser's own work shows as (program) and native frames).
  const profileDir = process.env.BENCH_PROFILE;
  const cdp = profileDir ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const t0 = Date.now();
  await page.keyboard.insertText(text);
  await page.waitForFunction(
    (n) => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-last-words') ?? 0) > n / 20,
    chars,
    { timeout: 600_000, polling: 200 },
  );
  const toUnderlinesMs = Date.now() - t0;
  await page.waitForTimeout(300);
  if (cdp && profileDir) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `paste-${chars}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  const f = await figures();
  const host = page.locator('nemawashi-overlay');
  const [start, end] = [Number(await host.getAttribute('data-last-run-start')), Number(await host.getAttribute('data-last-run-end'))];
  const long = await page.evaluate(() => (window as unknown as { __long: Array<[number, number]> }).__long);
  const ours = long.filter(([t, d]) => t < end && t + d > start).map(([, d]) => d);
  const readMs = Number(await host.getAttribute('data-last-read-ms'));
  const renderMs = Number(await host.getAttribute('data-last-render-ms'));
  // Our tasks are the slices (each its own task, the first with the read, the last with the
  // drawing): a long task longer than any of them plus the read and the drawing is the browser's.
  const oursMax = Number(f.lastLongestSliceMs) + Math.max(readMs, renderMs);
  const other = ours.filter((d) => d > oursMax + 5);
  await page.close();
  return {
    chars,
    longestTaskMs: ours.length ? Math.max(...ours) : 0,
    longTasks: ours.length,
    longestSliceMs: Number(f.lastLongestSliceMs),
    slices: Number(f.lastSlices),
    windows: Number(f.lastWindows),
    analyzeMs: Number(f.lastAnalyzeMs),
    toUnderlinesMs,
    readMs,
    renderMs,
    longestUnitMs: Number(f.lastLongestUnitMs),
    longestUnit: String(f.lastLongestUnit),
    longestOtherTaskMs: other.length ? Math.max(...other) : 0,
  };
}

async function pasteBench(context: BrowserContext, url: string): Promise<Array<Record<string, number>>> {
  const out: Array<Record<string, number>> = [];
  for (const chars of [100_000, 1_000_000]) {
    const rs: PasteRun[] = [];
    for (let i = 0; i < PASTE_RUNS; i++) rs.push(await pasteRun(context, url, chars));
    const med = (k: Exclude<keyof PasteRun, 'longestUnit'>): number => quantile(rs.map((r) => r[k]).sort((a, b) => a - b), 0.5);
    out.push({
      chars,
      runs: rs.length,
      longestTaskMedianMs: med('longestTaskMs'),
      longestTaskMaxMs: Math.max(...rs.map((r) => r.longestTaskMs)),
      longTasksMedian: med('longTasks'),
      longestSliceMedianMs: med('longestSliceMs'),
      slicesMedian: med('slices'),
      windows: med('windows'),
      analyzeMedianMs: med('analyzeMs'),
      toUnderlinesMedianMs: med('toUnderlinesMs'),
      readMedianMs: med('readMs'),
      renderMedianMs: med('renderMs'),
      longestOtherTaskMedianMs: med('longestOtherTaskMs'),
      longestUnitMedianMs: med('longestUnitMs'),
    });
    console.log('  %d characters: longest units %s', chars, rs.map((r) => `${r.longestUnitMs.toFixed(1)} ms (${r.longestUnit})`).join(', '));
  }
  return out;
}

function printPaste(paste: Array<Record<string, number>>): void {
  for (const p of paste) {
    console.log(
      'Paste of %d characters (one paragraph, %d runs): longest task during its analysis %s ms median (max %s; %s long tasks), our longest slice %s ms, read of the editor %s ms, drawing %s ms, %s slices over %s windows, %s ms of analysis, paste → underlines %s ms; longest task that is not ours %s ms',
      p.chars, p.runs, p.longestTaskMedianMs!.toFixed(1), p.longestTaskMaxMs!.toFixed(1), p.longTasksMedian, p.longestSliceMedianMs!.toFixed(1), p.readMedianMs!.toFixed(1), p.renderMedianMs!.toFixed(1), p.slicesMedian, p.windows, p.analyzeMedianMs!.toFixed(0), p.toUnderlinesMedianMs!.toFixed(0), p.longestOtherTaskMedianMs!.toFixed(1),
    );
  }
}

async function main(): Promise<void> {
  if (process.env.NEMAWASHI_SKIP_BUILD !== '1' || !existsSync(EXTENSION_DIR)) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEMAWASHI_DEMO: '1' } });
  }
  const sizeOf = (file: string) => {
    const bytes = readFileSync(join(EXTENSION_DIR, file));
    return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const size = { pageLoad: sizeOf('content-scripts/content.js'), engine: sizeOf('engine.js') };

  if (process.env.BENCH_ONLY === 'load') {
    // Only the page load with no compose (BENCH_ONLY=load; BENCH_LOAD_RUNS loads, default 9), and
    // with BENCH_PROFILE=<dir> CPU profiles of BENCH_PROFILE_RUNS more loads (default 1), to see
    // what the work is.
    const server = await startStaticServer(join(ROOT, 'demo'));
    const b = await launchWithExtension();
    try {
      const load = await pageLoad(b.context, b.extensionId, server.url, Number(process.env.BENCH_LOAD_RUNS ?? 9));
      console.log(JSON.stringify({ loadAverage: loadavg()[0], contentScript: size.pageLoad, pageLoadNoCompose: load }, null, 2));
      const profileDir = process.env.BENCH_PROFILE;
      for (let run = 0; profileDir && run < Number(process.env.BENCH_PROFILE_RUNS ?? 1); run++) {
        const page = await b.context.newPage();
        const cdp = await b.context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        await page.goto(`${server.url}/index.html?open=none`);
        await overlayReady(page);
        await page.waitForTimeout(1500);
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
        const { mkdirSync, writeFileSync } = await import('node:fs');
        mkdirSync(profileDir, { recursive: true });
        writeFileSync(join(profileDir, `load-${Date.now()}.cpuprofile`), JSON.stringify(profile));
        await page.close();
      }
    } finally {
      await b.close();
      await server.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'compose' || process.env.BENCH_ONLY === 'popup' || process.env.BENCH_ONLY === 'cold') {
    // Only what loads at page load, a cold compose and the popup (BENCH_ONLY=compose|popup), or
    // only the cold composes (BENCH_ONLY=cold).
    const coldOnly = process.env.BENCH_ONLY === 'cold';
    const server = await startStaticServer(join(ROOT, 'demo'));
    const b = await launchWithExtension();
    try {
      const loadAverageAtStart = loadavg()[0];
      const load = coldOnly ? undefined : await pageLoad(b.context, b.extensionId, server.url, 5);
      const policyReadAfterLaunchMs = await policyLoaded(b);
      const colds: ColdCompose[] = [];
      for (let i = 0; i < COLD_RUNS; i++) colds.push(await coldCompose(b.context, server.url));
      const med = (k: Exclude<keyof ColdCompose, 'longestSlice' | 'longestTaskWhat' | 'longTasks' | 'policy'>): number => quantile(colds.map((c) => c[k]).sort((a, c) => a - c), 0.5);
      const popup = coldOnly ? undefined : await popupOpen(b, server.url, 7);
      const out = {
        loadAverageAtStart,
        loadAverage: loadavg()[0],
        contentScript: size,
        pageLoadNoCompose: load,
        coldCompose: { runs: colds.length, policyReadAfterLaunchMs, policyLate: colds.filter((c) => c.policy !== 'read').length, toUnderlinesMedianMs: med('toUnderlinesMs'), toUnderlinesMs: colds.map((c) => Math.round(c.toUnderlinesMs)), detectMedianMs: med('detectMs'), injectMedianMs: med('injectMs'), warmupMedianMs: med('warmupMs'), longestSliceMs: Math.max(...colds.map((c) => c.longestSliceMs)), longestSliceMedianMs: med('longestSliceMs'), longestSlices: colds.map((c) => `${c.longestSlice}: ${c.longestSliceMs.toFixed(0)} ms`), longestTaskMs: Math.max(...colds.map((c) => c.longestTaskMs)), longestTaskMedianMs: med('longestTaskMs'), longestTasks: colds.map((c) => `${Math.round(c.longestTaskMs)} ${c.longestTaskWhat}`), composesWithATaskOver50ms: colds.filter((c) => c.longestTaskMs > 50).length, tasksOver50ms: colds.flatMap((c) => c.longTasks), longestTaskCpuMedianMs: med('longestTaskCpuMs'), longestTasksCpu: colds.map((c) => Math.round(c.longestTaskCpuMs)), mainThreadCpuMedianMs: med('mainThreadCpuMs'), secondComposeMedianMs: med('secondComposeMs') },
        popup,
      };
      console.log(JSON.stringify(out, null, 2));
    } finally {
      await b.close();
      await server.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'memory') {
    // Only the JS heap figures (BENCH_ONLY=memory; BENCH_TYPING_SECONDS=600 for issue 12's
    // 10 minutes of typing).
    const server = await startStaticServer(join(ROOT, 'demo'));
    const b = await launchWithExtension();
    try {
      const mem = await memory(b.context, server.url, TYPING_SECONDS);
      console.log(JSON.stringify({ loadAverage: loadavg()[0], memory: mem }, null, 2));
    } finally {
      await b.close();
      await server.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'send') {
    // Only the check-at-Send figure (BENCH_ONLY=send npm run bench:browser).
    const send = [...(await sendLatency(30)), ...(await sendLatency(1000))];
    console.log(JSON.stringify({ sendCheckNothingAtThreshold: send }, null, 2));
    printSend(send);
    return;
  }
  const loadAverageAtStart = loadavg()[0];
  const server = await startStaticServer(join(ROOT, 'demo'));
  const b = await launchWithExtension();
  if (process.env.BENCH_ONLY === 'paste') {
    try {
      const paste = await pasteBench(b.context, server.url);
      console.log(JSON.stringify({ paste }, null, 2));
      printPaste(paste);
    } finally {
      await b.close();
      await server.close();
    }
    return;
  }
  try {
    // The policy's first read right after the launch: at 13:15 (2026-11-30) in a full run it was
    // made after the page loads below and did not answer in 10 s, and every cold compose waited
    // its 400 ms for it; made first, it answers in ~2.8 s (not understood: Chromium's, not ours).
    const policyReadAfterLaunchMs = await policyLoaded(b);
    const load = await pageLoad(b.context, b.extensionId, server.url, 5);
    const colds: ColdCompose[] = [];
    for (let i = 0; i < COLD_RUNS; i++) colds.push(await coldCompose(b.context, server.url));
    const medCold = (k: Exclude<keyof ColdCompose, 'longestSlice' | 'longestTaskWhat' | 'longTasks' | 'policy'>): number => quantile(colds.map((c) => c[k]).sort((a, b) => a - b), 0.5);
    const cold = {
      runs: colds.length,
      policyReadAfterLaunchMs,
      policyLate: colds.filter((c) => c.policy !== 'read').length,
      toUnderlinesMedianMs: medCold('toUnderlinesMs'),
      toUnderlinesMaxMs: Math.max(...colds.map((c) => c.toUnderlinesMs)),
      detectMedianMs: medCold('detectMs'),
      injectMedianMs: medCold('injectMs'),
      warmupMedianMs: medCold('warmupMs'),
      longestSliceMs: Math.max(...colds.map((c) => c.longestSliceMs)),
      longestTaskMs: Math.max(...colds.map((c) => c.longestTaskMs)),
      longestTaskMedianMs: medCold('longestTaskMs'),
      composesWithATaskOver50ms: colds.filter((c) => c.longestTaskMs > 50).length,
      tasksOver50ms: colds.flatMap((c) => c.longTasks),
      longestTaskCpuMedianMs: medCold('longestTaskCpuMs'),
      mainThreadCpuMedianMs: medCold('mainThreadCpuMs'),
      secondComposeMedianMs: medCold('secondComposeMs'),
      findings: colds[0]?.findings ?? 0,
    };

    const page = await b.context.newPage();
    const lat300 = await latency(page, server.url, 300);
    const lat5000 = await latency(page, server.url, 5000);
    const long300 = await longTasks(page, server.url, 300, 8);
    const long5000 = await longTasks(page, server.url, 5000, 8);
    await page.close();
    const mem = await memory(b.context, server.url, TYPING_SECONDS);
    const popup = await popupOpen(b, server.url, 7);
    const send = [...(await sendLatency(30)), ...(await sendLatency(1000))];
    const paste = await pasteBench(b.context, server.url);

    const result = {
      paste,
      sendCheckNothingAtThreshold: send,
      contentScript: size,
      pageLoadNoCompose: load,
      coldCompose: cold,
      latencyAfterDebounce: [lat300, lat5000],
      longTasksWhileTyping: [long300, long5000].map(({ durations: _d, ...rest }) => rest),
      memory: mem,
      popup,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()[0],
      targets: {
        pageLoadAtMost40kBGzip: size.pageLoad.gzipBytes <= 40 * 1024,
        pageLoadMainThreadAtMost15ms: load.mainThreadMedianMs <= 15,
        pageLoadNoLongTask: load.longTasks.length === 0,
        noEngineWithoutCompose: !load.engineLoadedWithoutCompose,
        coldComposeMedianAtMost400ms: cold.toUnderlinesMedianMs <= 400,
        coldComposeNoTaskOver50ms: cold.longestTaskMs <= 50,
        p95For5000WordsAtMost50ms: lat5000.p95Ms <= 50,
        noLongTaskOver50ms: long300.count === 0 && long5000.count === 0,
        sendCheckMedianAtMost5ms: send.every((x) => x.withExtensionMedianMs - x.withoutExtensionMedianMs <= 5),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    console.log('\nLoad average (1 min) %s at the start, %s at the end, on 2 cores', loadAverageAtStart!.toFixed(1), result.loadAverageAtEnd!.toFixed(1));
    const kB = (n: number): string => (n / 1024).toFixed(1);
    console.log('\nLoaded at page load: %s kB (%s kB gzip); engine script, injected at the first compose: %s kB (%s kB gzip)', kB(size.pageLoad.bytes), kB(size.pageLoad.gzipBytes), kB(size.engine.bytes), kB(size.engine.gzipBytes));
    console.log('Page load, no compose (%d loads): extension main-thread work %s ms median (evaluation %s ms), %d long tasks; engine loaded: %s', load.runs, load.mainThreadMedianMs.toFixed(1), load.evaluationMedianMs.toFixed(1), load.longTasks.length, load.engineLoadedWithoutCompose ? 'YES' : 'no');
    console.log(
      'Cold compose → first underlines (%d runs): median %s ms, max %s ms (detection %s, injection %s, warm-up %s ms of slices, longest slice %s ms); longest task %s ms; second compose %s ms',
      cold.runs, cold.toUnderlinesMedianMs.toFixed(1), cold.toUnderlinesMaxMs.toFixed(1), cold.detectMedianMs.toFixed(1), cold.injectMedianMs.toFixed(1), cold.warmupMedianMs.toFixed(1), cold.longestSliceMs.toFixed(1), cold.longestTaskMs.toFixed(1), cold.secondComposeMedianMs.toFixed(1),
    );
    for (const l of [lat300, lat5000]) {
      console.log(
        'Keystroke → underline after the debounce, %d words: median %s ms, p95 %s ms, max %s ms (analyze %s, read %s, render %s ms median; %d findings)',
        l.words, l.medianMs.toFixed(1), l.p95Ms.toFixed(1), l.maxMs.toFixed(1), l.analyzeMedianMs.toFixed(1), l.readMedianMs.toFixed(1), l.renderMedianMs.toFixed(1), l.findings,
      );
    }
    printSend(send);
    console.log('Popup on a tab with no compose (%d opens): rendered %s ms after navigation (median); first pasted draft checked (engine loaded then) %s ms', popup.runs, popup.openMedianMs.toFixed(1), popup.firstPasteCheckMedianMs.toFixed(1));
    printPaste(paste);
    for (const l of [long300, long5000]) console.log('Long tasks while typing (%d words, %d analyses): %d (%d overlapping an analysis), longest %s ms', l.words, l.analyses, l.count, l.duringAnalysis, l.maxMs.toFixed(1));
    console.log(
      'JS heap (page + content script, after GC): no compose %s MB; engine loaded %s MB; 5,000-word draft %s MB; after %d s of typing (%d analyses) %s MB [%s]',
      mem.noComposeMb.toFixed(1), mem.engineLoadedMb.toFixed(1), mem.draft5000Mb.toFixed(1), mem.typingSeconds, mem.analyses, mem.afterTypingMb.toFixed(1), mem.duringTyping.map((x) => `${x.atS}s ${x.heapMb.toFixed(1)}`).join(', '),
    );
  } finally {
    await b.close();
    await server.close();
  }
}

await main();
