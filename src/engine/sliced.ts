/**
 * Analysis in slices, for a page's main thread (issue 10): a pasted block of any size must not
 * hold the page for more than 50 ms at a time. A draft up to LARGE_DRAFT_CHARS is analysed in
 * one step, as always. A longer one is analysed in small steps that give exactly the findings of
 * the one-step analysis (`engine.analyzeDraft`), same ids, spans and messages
 * (tests/sliced-equivalence.test.ts):
 *
 * 0. split: the body into quotes, signature and the writer's words, a pass over its lines (or
 *    one long paragraph's tests) per step.
 * 1. read: the writer's paragraphs (a long paragraph as pieces of at most PIECE_CHARS, cut
 *    between sentences, as every surface reads it), a few per step, with the words that decide
 *    the draft's language; they are grouped into windows of about WINDOW_CHARS.
 * 2. collect: every rule runs on each window's document (one rule on one window per unit), in
 *    the language of the whole draft, with the draft's first paragraph before the window as
 *    context (the addressee block is read there). Its findings there are not kept: what it
 *    computed per paragraph (tokens, sentences, phrase matches, its own per-paragraph memos:
 *    asks, problems, apologies, word counts …) is, in the analysis's store. A rule that declares
 *    `scope: 'sentence'` (each finding its sentence's own) keeps its findings in the window's
 *    paragraphs instead, and is not run again.
 * 3. judge: every other rule runs on the document of the whole draft, one per unit. The
 *    per-paragraph facts come from the store, so what is left is the rule's verdict over the
 *    whole draft: its length, an apology anywhere covering a problem anywhere, the first ask,
 *    the first and last sentences. Being the rule's own check on the same document, it is the
 *    one-step analysis by construction, not a re-implementation of each rule's verdict.
 *
 * The caller runs units until its deadline, so a slice is bounded by its budget plus one unit:
 * a step of the split, a paragraph piece, one rule on about 3,000 characters, or one rule over
 * the whole draft with its per-paragraph work done (linear in the draft, with a small constant).
 */
import {
  collectParagraphs,
  createStore,
  finishAnalysis,
  makeDoc,
  paragraphRanges,
  PIECE_CHARS,
  readDraft,
  readParagraph,
  ruleFindings,
  ruleIsOn,
  storeMemo,
  warmUserPhrases,
  type DraftFacts,
  type DraftReading,
  type Engine,
} from './analyze';
import { languageCounts, languageOfCounts, presetDocLanguage, type DraftLanguage } from './japanese';
import type { RuleDoc } from './rule';
import { splitBody, splitBodyInSteps, type SplitBody } from './segment';
import type { Paragraph, Sentence, Token } from './text';
import type { AnalysisContext, Draft, Finding } from './types';

/** Drafts up to this many characters are analysed in one step (about 5,000 words). */
export const LARGE_DRAFT_CHARS = 30_000;
/** Characters per window of a longer draft: a few milliseconds of analysis each. */
export const WINDOW_CHARS = PIECE_CHARS;

/** A stretch of the body [start, end): consecutive paragraphs of the writer's words. */
export interface BodyWindow {
  start: number;
  end: number;
}

/** The windows of a draft's new words, in body order; one window for the whole body when it is short. */
export function draftWindows(body: string): BodyWindow[] {
  if (body.length <= LARGE_DRAFT_CHARS) return [{ start: 0, end: body.length }];
  const out: BodyWindow[] = [];
  for (const p of paragraphRanges(body, splitBody(body))) {
    const open = out[out.length - 1];
    if (open && p.end - open.start <= WINDOW_CHARS) open.end = p.end;
    else out.push({ start: p.start, end: p.end });
  }
  return out;
}

/** An analysis in progress: `step` until it returns true, then `result`. */
export interface SlicedAnalysis {
  /** Runs units of the analysis until `deadline` (performance.now()) passes, at least one; true when done. */
  step(deadline: number): boolean;
  readonly done: boolean;
  /** How many windows the draft has (so far, while its paragraphs are read), and how many steps ran. */
  readonly windows: number;
  readonly steps: number;
  /** The longest unit of work so far and its stage (split, read, collect, judge, finish), for the benchmark. */
  readonly longestUnit: { ms: number; stage: string };
  result(): { findings: Finding[]; facts: DraftFacts };
}

const NO_FACTS: DraftFacts = { language: 'en', firstContact: false, firstContactDetected: false, isReply: false, wordCount: 0 };

/**
 * Starts an analysis of `draft` that runs in steps. A short draft is one step: exactly
 * `engine.analyzeDraft(draft, ctx)`, or with `inSteps` the same calls a rule per unit (same
 * findings): the content script's first analysis once the engine has loaded, where each rule's
 * first run compiles its code (tens of milliseconds in all, one long task as a single step).
 */
export function startAnalysis(engine: Engine, draft: Draft, ctx: AnalysisContext, opts: { inSteps?: boolean } = {}): SlicedAnalysis {
  const body = typeof draft?.body === 'string' ? draft.body : '';
  if (body.length <= LARGE_DRAFT_CHARS) return opts.inSteps ? ruleByRule(engine, draft, ctx) : oneStep(engine, draft, ctx);
  return new LongAnalysis(engine, draft, ctx, body);
}

/**
 * `engine.analyzeDraft(draft, ctx)` in units: the draft's document (buildDoc's calls: the body's
 * split and its first-contact verdict, each paragraph, then the document), then each rule on it,
 * then the user's phrases and the sort. The same calls in the same order, so the same findings.
 * Read as one unit, the sample draft's document was most of a 40 ms task on a cold engine.
 */
function ruleByRule(engine: Engine, draft: Draft, ctx: AnalysisContext): SlicedAnalysis {
  const source = draft ?? { body: '' };
  let reading: DraftReading | null = null;
  let ranges: Array<{ start: number; end: number }> = [];
  const paragraphs: Paragraph[] = [];
  let doc: RuleDoc | null = null;
  let next = 0;
  let steps = 0;
  let result: { findings: Finding[]; facts: DraftFacts } | null = null;
  const findings: Finding[] = [];
  const longestUnit = { ms: 0, stage: '' };
  const read = (): string => {
    if (!reading) {
      reading = readDraft(source, ctx);
      ranges = [...paragraphRanges(reading.body, reading.split)];
      return 'split';
    }
    if (paragraphs.length < ranges.length) {
      paragraphs.push(readParagraph(reading.body, ranges[paragraphs.length]!, paragraphs.length));
      return 'read';
    }
    doc = makeDoc(source, ctx, reading, paragraphs);
    return 'read';
  };
  const unit = (): string => {
    if (!doc) {
      try {
        return read();
      } catch (err) {
        // As analyzeDraft: a failure to read the draft is a bug, reported, no findings.
        console.error('nemawashi: could not read the draft', err);
        result = { findings: [], facts: NO_FACTS };
        return 'read';
      }
    }
    const rule = engine.rules[next++];
    if (!rule) {
      result = finishAnalysis(doc, ctx, findings);
      return 'finish';
    }
    if (ruleIsOn(rule, ctx)) for (const f of ruleFindings(rule, doc, ctx)) findings.push(f);
    return `rule ${rule.id}`;
  };
  return {
    get done() {
      return result !== null;
    },
    windows: 1,
    get steps() {
      return steps;
    },
    longestUnit,
    step(deadline) {
      steps++;
      do {
        const t = performance.now();
        const stage = unit();
        const ms = performance.now() - t;
        if (ms > longestUnit.ms) Object.assign(longestUnit, { ms, stage });
      } while (result === null && performance.now() < deadline);
      return result !== null;
    },
    result() {
      if (!result) throw new Error('the analysis is not finished');
      return result;
    },
  };
}

function oneStep(engine: Engine, draft: Draft, ctx: AnalysisContext): SlicedAnalysis {
  let result: { findings: Finding[]; facts: DraftFacts } | null = null;
  let steps = 0;
  const job: SlicedAnalysis = {
    get done() {
      return result !== null;
    },
    windows: 1,
    get steps() {
      return steps;
    },
    longestUnit: { ms: 0, stage: 'one step' },
    step() {
      steps++;
      result ??= engine.analyzeDraft(draft, ctx);
      return true;
    },
    result() {
      if (!result) throw new Error('the analysis is not finished');
      return result;
    },
  };
  return job;
}

type Stage = 'split' | 'read' | 'collect' | 'judge' | 'finish' | 'done';

class LongAnalysis implements SlicedAnalysis {
  private stage: Stage = 'split';
  private stepCount = 0;
  private readonly store = createStore();
  private splitting: Generator<void, SplitBody> | null = null;
  private reading: DraftReading | null = null;
  private ranges: Generator<{ start: number; end: number }> | null = null;
  /** The writer's paragraphs, indexed as in the whole draft's document. */
  private readonly paragraphs: Paragraph[] = [];
  private readonly sentences: Sentence[] = [];
  private readonly words: Token[] = [];
  /** Windows as [first paragraph, paragraph after the last). */
  private readonly windowList: Array<[number, number]> = [];
  private readonly counts = { japanese: 0, latin: 0 };
  private language: DraftLanguage = 'en';
  private nextWindow = 0;
  /** The document of the window being collected, where it starts, and its next rule. */
  private windowDoc: RuleDoc | null = null;
  private windowStart = 0;
  private nextCollectRule = 0;
  private whole: RuleDoc | null = null;
  private nextRule = 0;
  private readonly findings: Finding[] = [];
  private output: { findings: Finding[]; facts: DraftFacts } | null = null;
  readonly longestUnit = { ms: 0, stage: '' };

  constructor(
    private readonly engine: Engine,
    private readonly draft: Draft,
    private readonly ctx: AnalysisContext,
    private readonly body: string,
  ) {}

  get done(): boolean {
    return this.stage === 'done';
  }

  get windows(): number {
    return this.windowList.length;
  }

  get steps(): number {
    return this.stepCount;
  }

  step(deadline: number): boolean {
    this.stepCount++;
    do {
      const stage = this.label();
      const t = performance.now();
      try {
        this.unit();
      } catch (err) {
        // As the one-step analysis: a failure to read the draft is a bug, reported, no findings.
        console.error('nemawashi: could not read the draft', err);
        this.output = { findings: [], facts: NO_FACTS };
        this.stage = 'done';
      }
      const ms = performance.now() - t;
      if (ms > this.longestUnit.ms) Object.assign(this.longestUnit, { ms, stage });
    } while (this.stage !== 'done' && performance.now() < deadline);
    return this.done;
  }

  result(): { findings: Finding[]; facts: DraftFacts } {
    if (!this.output) throw new Error('the analysis is not finished');
    return this.output;
  }

  /** What the next unit is: its stage, and the rule it runs. */
  private label(): string {
    if (this.stage === 'collect' && this.windowDoc) return `collect ${this.engine.rules[this.nextCollectRule]?.id ?? 'user phrases'}`;
    if (this.stage === 'judge' && this.whole) return `judge ${this.engine.rules[this.nextRule]?.id ?? ''}`;
    return this.stage;
  }

  /** One bounded unit of work of the current stage. */
  private unit(): void {
    switch (this.stage) {
      case 'split': {
        // The split into quotes, signature and the writer's words, a pass (or a long paragraph) per unit.
        this.splitting ??= splitBodyInSteps(this.body);
        const r = this.splitting.next();
        if (!r.done) return;
        this.reading = readDraft(this.draft ?? { body: '' }, this.ctx, r.value);
        this.ranges = paragraphRanges(this.body, this.reading.split);
        this.stage = 'read';
        return;
      }
      case 'read': {
        const next = this.ranges!.next();
        if (next.done) {
          this.language = languageOfCounts(this.counts);
          this.stage = 'collect';
          return;
        }
        const range = next.value;
        const p = readParagraph(this.body, range, this.paragraphs.length, this.store);
        const c = languageCounts([p], storeMemo(this.store));
        this.counts.japanese += c.japanese;
        this.counts.latin += c.latin;
        const open = this.windowList[this.windowList.length - 1];
        if (open && p.end - this.paragraphs[open[0]]!.start <= WINDOW_CHARS) open[1]++;
        else this.windowList.push([this.paragraphs.length, this.paragraphs.length + 1]);
        this.paragraphs.push(p);
        collectParagraphs([p], this.sentences, this.words);
        return;
      }
      case 'collect': {
        // A unit is the window's document, then each rule on it (one rule on a window at a time).
        if (!this.windowDoc) {
          if (this.nextWindow >= this.windowList.length) {
            this.stage = 'judge';
            return;
          }
          const k = this.nextWindow;
          const [from, to] = this.windowList[k]!;
          // A window after the first opens with the draft's first paragraph, as context only: the
          // addressee block is read from the first paragraph (rules/ja/japanese/shared.ts).
          const local: Paragraph[] = k > 0 ? [readParagraph(this.body, this.paragraphs[0]!, 0, this.store)] : [];
          for (let i = from; i < to; i++) local.push(readParagraph(this.body, this.paragraphs[i]!, local.length, this.store));
          this.windowDoc = makeDoc(this.draft, this.ctx, this.reading!, local, this.store);
          presetDocLanguage(this.windowDoc, this.language);
          this.windowStart = this.paragraphs[from]!.start;
          this.nextCollectRule = 0;
          return;
        }
        const doc = this.windowDoc;
        const rule = this.engine.rules[this.nextCollectRule++];
        if (!rule) {
          warmUserPhrases(doc, this.ctx);
          this.windowDoc = null;
          this.nextWindow++;
          return;
        }
        if (!ruleIsOn(rule, this.ctx)) return;
        if (rule.scope === 'sentence') {
          // Its reports are the sentences' own: kept for this window's paragraphs; one about the
          // draft (subject, attachment) once, from the first window.
          for (const f of ruleFindings(rule, doc, this.ctx)) {
            if (f.start === undefined ? this.nextWindow === 0 : f.start >= this.windowStart) this.findings.push(f);
          }
          return;
        }
        // Only what the rule caches per paragraph is wanted here; its verdict is the whole draft's.
        try {
          rule.check(doc, this.ctx);
        } catch {
          // Reported when the rule runs on the whole draft.
        }
        return;
      }
      case 'judge': {
        if (!this.whole) {
          this.whole = makeDoc(this.draft, this.ctx, this.reading!, this.paragraphs, this.store, { sentences: this.sentences, words: this.words });
          presetDocLanguage(this.whole, this.language);
          return;
        }
        const rule = this.engine.rules[this.nextRule++];
        if (!rule) {
          this.stage = 'finish';
          return;
        }
        if (!ruleIsOn(rule, this.ctx) || rule.scope === 'sentence') return;
        for (const f of ruleFindings(rule, this.whole, this.ctx)) this.findings.push(f);
        return;
      }
      case 'finish': {
        this.output = finishAnalysis(this.whole!, this.ctx, this.findings);
        this.stage = 'done';
        return;
      }
      case 'done':
        return;
    }
  }
}
