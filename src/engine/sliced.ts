/**
 * Analysis in slices, for a page's main thread (issue 10): a pasted block of any size must not
 * hold the page for more than 50 ms at a time. A draft up to LARGE_DRAFT_CHARS is analysed in
 * one step, as always. A longer one is read window by window: windows of about WINDOW_CHARS,
 * cut between paragraphs, and a paragraph longer than a window between its sentences (or, in a
 * run with no sentence end, at a space or at the window's size). Each window is one call of the
 * engine; the caller runs steps until its deadline and yields between them.
 *
 * What a window changes: sentence- and paragraph-level findings are those of the whole draft
 * (the split into quotes and signature, first contact and the offsets come from the whole body).
 * Rules that judge the draft as a whole (its length, an apology anywhere, an ask anywhere) judge
 * each window; a finding without a span is reported once.
 */
import { sortFindings, type BodyWindow, type DraftFacts, type Engine } from './analyze';
import { splitBody } from './segment';
import { splitParagraphs } from './text';
import type { AnalysisContext, Draft, Finding } from './types';

/** Drafts up to this many characters are analysed in one step (about 5,000 words). */
export const LARGE_DRAFT_CHARS = 30_000;
/** Characters per window of a longer draft: a few milliseconds of analysis each. */
export const WINDOW_CHARS = 3_000;

const SENTENCE_END = /[.!?。！？\n]/u;

/** Where a window of a long paragraph that starts at `from` ends (exclusive), at most `to`. */
function cutAt(body: string, from: number, to: number): number {
  if (to - from <= WINDOW_CHARS) return to;
  const limit = from + WINDOW_CHARS;
  let space = -1;
  // Backwards from the limit to half a window: the last sentence end, else the last space.
  for (let k = limit; k > from + WINDOW_CHARS / 2; k--) {
    const c = body[k - 1]!;
    if (SENTENCE_END.test(c) && (k >= to || /\s/u.test(body[k]!) || c === '。' || c === '！' || c === '？')) return k;
    if (space === -1 && /\s/u.test(c)) space = k;
  }
  if (space !== -1) return space;
  const code = body.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/** The windows of a draft's new words, in body order; one window for the whole body when it is short. */
export function draftWindows(body: string): BodyWindow[] {
  if (body.length <= LARGE_DRAFT_CHARS) return [{ start: 0, end: body.length }];
  const out: BodyWindow[] = [];
  let open: BodyWindow | null = null;
  for (const seg of splitBody(body).segments) {
    if (seg.kind !== 'new') continue;
    for (const p of splitParagraphs(body, seg.start, seg.end)) {
      if (open && p.end - open.start <= WINDOW_CHARS) {
        open.end = p.end;
        continue;
      }
      if (open) out.push(open);
      open = null;
      let from = p.start;
      while (p.end - from > WINDOW_CHARS) {
        const end = cutAt(body, from, p.end);
        out.push({ start: from, end });
        from = end;
        while (from < p.end && /\s/u.test(body[from]!)) from++;
      }
      if (from < p.end) open = { start: from, end: p.end };
    }
  }
  if (open) out.push(open);
  return out;
}

/** An analysis in progress: `step` until it returns true, then `result`. */
export interface SlicedAnalysis {
  /** Analyses windows until `deadline` (performance.now()) passes, at least one; true when done. */
  step(deadline: number): boolean;
  readonly done: boolean;
  /** How many windows the draft has, and how many steps ran so far. */
  readonly windows: number;
  readonly steps: number;
  result(): { findings: Finding[]; facts: DraftFacts };
}

/**
 * Starts an analysis of `draft` that runs in steps. A short draft is one window: its one step is
 * exactly `engine.analyzeDraft(draft, ctx)`.
 */
export function startAnalysis(engine: Engine, draft: Draft, ctx: AnalysisContext): SlicedAnalysis {
  const body = typeof draft?.body === 'string' ? draft.body : '';
  let windows: BodyWindow[] | null = body.length <= LARGE_DRAFT_CHARS ? [{ start: 0, end: body.length }] : null;
  let next = 0;
  let steps = 0;
  const findings: Finding[] = [];
  const seenWhole = new Set<string>();
  let facts: DraftFacts | null = null;
  let japaneseWords = 0;
  let words = 0;
  const job: SlicedAnalysis = {
    get done() {
      return windows !== null && next >= windows.length;
    },
    get windows() {
      return windows?.length ?? 0;
    },
    get steps() {
      return steps;
    },
    step(deadline) {
      steps++;
      // Finding the windows is one linear pass (the split is the engine's own, cached by body).
      if (!windows) {
        windows = draftWindows(body);
        // All quote or signature: one empty window still judges the subject and attachments.
        if (windows.length === 0) windows = [{ start: 0, end: 0 }];
        if (performance.now() >= deadline) return job.done;
      }
      if (windows.length === 1 && windows[0]!.start === 0 && windows[0]!.end === body.length) {
        const r = engine.analyzeDraft(draft, ctx);
        findings.push(...r.findings);
        facts = r.facts;
        next = 1;
        return true;
      }
      do {
        const w = windows[next++]!;
        const r = engine.analyzeDraft(draft, ctx, w);
        for (const f of r.findings) {
          if (f.start === undefined) {
            // A finding about the whole draft (subject, attachment, length): once.
            const key = `${f.ruleId}|${f.target}|${f.attachmentIndex ?? ''}`;
            if (seenWhole.has(key)) continue;
            seenWhole.add(key);
          }
          findings.push(f);
        }
        facts ??= r.facts;
        words += r.facts.wordCount;
        if (r.facts.language === 'ja') japaneseWords += r.facts.wordCount;
      } while (next < windows.length && performance.now() < deadline);
      return job.done;
    },
    result() {
      if (!job.done) throw new Error('the analysis is not finished');
      const f: DraftFacts = facts ?? { language: 'en', firstContact: false, firstContactDetected: false, isReply: false, wordCount: 0 };
      if (windows!.length <= 1) return { findings, facts: f };
      // The draft's language is that of most of its windows' words.
      return { findings: sortFindings(findings), facts: { ...f, wordCount: words, language: japaneseWords * 2 > words ? 'ja' : 'en' } };
    },
  };
  return job;
}
