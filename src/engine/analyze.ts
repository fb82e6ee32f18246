/**
 * The engine: builds the document rules see (new words only, with offsets into the full body),
 * runs every rule whose pack is on, and turns reports into localized findings.
 *
 * Incremental by construction: a paragraph's tokens, sentences and phrase matches are cached by
 * its text, so after a one-word edit only the edited paragraph is tokenized and matched again.
 */
import { fillPlaceholders } from './fill';
import { Lru } from './lru';
import { USER_PHRASES_SWITCH, userPhraseRuleId } from './user-phrase-id';
import { detectFirstContact } from './first-contact';
import { definePhrases, type PhraseEntry, type PhraseMatch, type PhraseTable } from './phrases';
import type { Rule, RuleDoc, RuleReport } from './rule';
import { docLanguage, type DraftLanguage } from './japanese';
import { splitBody, type SplitBody } from './segment';
import { splitParagraphs, splitSentences, tokenize, type LineForm, type Paragraph, type Sentence, type Token } from './text';
import {
  SEVERITY_RANK,
  type AnalysisContext,
  type Draft,
  type Finding,
  type Lang,
  type Localized,
  type UserPhrase,
} from './types';

interface ParagraphView {
  offset: number;
  index: number;
  paragraph: Paragraph;
}

interface ParagraphCore {
  text: string;
  tokens: Token[]; // offsets relative to the paragraph start
  sentences: Array<{ start: number; end: number; text: string; t0: number; t1: number; isQuestion: boolean; form: LineForm }>;
  /**
   * The last rebased views of this paragraph. After a one-word edit every paragraph before the
   * edit keeps its offset and index, so its tokens and sentences are reused instead of copied:
   * that copy was most of buildDoc's cost on long drafts. Kept on the core, so they leave the
   * cache with it.
   */
  views: ParagraphView[];
  /**
   * Phrase matches (by table) and per-paragraph memos (by key), relative to the paragraph start.
   * Kept on the core rather than in caches keyed by the paragraph's text: a keystroke looked up
   * every unchanged paragraph in every table's cache, some 2,000 lookups by a string of a few
   * hundred characters in maps of thousands, most of the engine's time after an edit. They leave
   * the cache with the core, so the paragraph cache's bound holds for them too.
   */
  matches: Map<object, PhraseMatch<PhraseEntry>[]>;
  memos: Map<string, unknown>;
}

/** The core each paragraph the engine made was read from (its matches and memos). */
const coreOf = new WeakMap<Paragraph, ParagraphCore>();

const PARAGRAPH_CACHE_LIMIT = 4000;
/**
 * And at most this many characters of paragraphs (lru.ts): five 5,000-word drafts, or the draft
 * being typed in and the versions its paragraphs had before. Typing in a 5,000-word draft, the
 * heap levels off once the cache holds this much (~70 bytes of heap per character held, with the
 * paragraphs' matches and memos); a draft longer than this is checked as before, but a keystroke
 * re-reads the paragraphs that did not fit.
 */
const PARAGRAPH_CACHE_CHARS = 150_000;

const paragraphCache = new Lru<ParagraphCore>(PARAGRAPH_CACHE_LIMIT, PARAGRAPH_CACHE_CHARS);
const matchCache = new WeakMap<PhraseTable<PhraseEntry>, Lru<PhraseMatch<PhraseEntry>[]>>();

/**
 * What one analysis of a long draft read, kept until it ends whatever the LRU caches evict: the
 * analysis in slices (src/engine/sliced.ts) reads every paragraph in windows first and then judges
 * the whole draft from these values; a draft of more paragraphs than the caches hold would
 * otherwise be read twice.
 */
export interface AnalysisStore {
  cores: Map<string, ParagraphCore>;
  matches: Map<object, Map<string, PhraseMatch<PhraseEntry>[]>>;
  memos: Map<string, Map<string, unknown>>;
}

/** What the paragraph cache holds now (entries, characters): for the tests of its bounds. */
export function paragraphCacheFigures(): { entries: number; chars: number; maxChars: number } {
  return { entries: paragraphCache.size, chars: paragraphCache.totalChars, maxChars: PARAGRAPH_CACHE_CHARS };
}

export function createStore(): AnalysisStore {
  return { cores: new Map(), matches: new Map(), memos: new Map() };
}

/**
 * A copy of a paragraph's text that does not hold on to the body it was cut from. V8 keeps a
 * substring as a view into its parent string: a cached paragraph (its text, and its tokens' and
 * sentences' texts cut from it) kept the whole draft of the keystroke that typed it alive: in a
 * 5,000-word draft, 27 kB more heap per keystroke, up to the cache's 4,000 paragraphs. A
 * concatenation then a slice makes a flat string of the paragraph alone.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

function paragraphCore(text: string, store?: AnalysisStore): ParagraphCore {
  const kept = store?.cores.get(text);
  if (kept) return kept;
  const hit = paragraphCache.get(text);
  if (hit) {
    store?.cores.set(text, hit);
    return hit;
  }
  text = ownCopy(text);
  const tokens = tokenize(text, 0);
  // Sentences come in order over the same tokens: a moving index finds each one's first token
  // (indexOf from the start made a paragraph of many short sentences quadratic).
  let at = 0;
  const sentences = splitSentences(text, 0, tokens, 0).map((s) => {
    if (s.tokens.length) while (at < tokens.length && tokens[at] !== s.tokens[0]) at++;
    const t0 = s.tokens.length ? at : 0;
    return { start: s.start, end: s.end, text: s.text, t0, t1: t0 + s.tokens.length, isQuestion: s.isQuestion, form: s.form };
  });
  const core: ParagraphCore = { text, tokens, sentences, views: [], matches: new Map(), memos: new Map() };
  paragraphCache.set(text, core);
  store?.cores.set(text, core);
  return core;
}

/**
 * The paragraph at `offset`, `index`-th of its document. The last two views are kept: the
 * analysis in slices reads each paragraph both in its window and in the whole draft.
 */
function rebase(core: ParagraphCore, offset: number, index: number): Paragraph {
  const views = core.views;
  const last = views.find((v) => v.offset === offset && v.index === index);
  if (last) return last.paragraph;
  // The same paragraph at another index (its window's, its draft's) shares the tokens.
  const moved = views.find((v) => v.offset === offset);
  const paragraph = moved ? reindex(moved.paragraph, index) : rebaseFresh(core, offset, index);
  coreOf.set(paragraph, core);
  core.views = views.length ? [{ offset, index, paragraph }, views[0]!] : [{ offset, index, paragraph }];
  return paragraph;
}

/** A paragraph of the body at [start, end), `index`-th of its document. */
export function readParagraph(body: string, range: { start: number; end: number }, index: number, store?: AnalysisStore): Paragraph {
  return rebase(paragraphCore(body.slice(range.start, range.end), store), range.start, index);
}

function reindex(p: Paragraph, index: number): Paragraph {
  return { ...p, sentences: p.sentences.map((s) => ({ ...s, paragraph: index })) };
}

function rebaseFresh(core: ParagraphCore, offset: number, index: number): Paragraph {
  // Object literals of a fixed shape, not spreads: this copy runs for every paragraph after an
  // edit that changed the length of the text before it.
  const tokens = core.tokens.map((t): Token =>
    t.special === undefined
      ? { start: t.start + offset, end: t.end + offset, text: t.text, norm: t.norm, isWord: t.isWord }
      : { start: t.start + offset, end: t.end + offset, text: t.text, norm: t.norm, isWord: t.isWord, special: t.special },
  );
  const sentences: Sentence[] = core.sentences.map((s) => ({
    start: s.start + offset,
    end: s.end + offset,
    text: s.text,
    tokens: tokens.slice(s.t0, s.t1),
    paragraph: index,
    isQuestion: s.isQuestion,
    form: s.form,
  }));
  return { start: offset, end: offset + core.text.length, text: core.text, tokens, sentences };
}

function matchParagraph<E extends PhraseEntry>(table: PhraseTable<E>, p: Paragraph, store?: AnalysisStore): PhraseMatch<E>[] {
  const core = coreOf.get(p);
  if (core) {
    let rel = core.matches.get(table) as PhraseMatch<E>[] | undefined;
    if (!rel) {
      rel = table.match(core.tokens, core.text, 0);
      core.matches.set(table, rel as PhraseMatch<PhraseEntry>[]);
    }
    return rel.map((m) => ({ ...m, start: m.start + p.start, end: m.end + p.start }));
  }
  // A paragraph the engine did not make (a tool's, a test's): by its text.
  let cache = matchCache.get(table as unknown as PhraseTable<PhraseEntry>);
  if (!cache) {
    cache = new Lru(PARAGRAPH_CACHE_LIMIT, PARAGRAPH_CACHE_CHARS);
    matchCache.set(table as unknown as PhraseTable<PhraseEntry>, cache);
  }
  let kept = store?.matches.get(table);
  if (store && !kept) store.matches.set(table, (kept = new Map()));
  let rel = (kept?.get(p.text) ?? cache.get(p.text)) as PhraseMatch<E>[] | undefined;
  if (!rel) {
    rel = table.match(paragraphCore(p.text, store).tokens, p.text, 0);
    cache.set(p.text, rel as PhraseMatch<PhraseEntry>[]);
  }
  kept?.set(p.text, rel as PhraseMatch<PhraseEntry>[]);
  return rel.map((m) => ({ ...m, start: m.start + p.start, end: m.end + p.start }));
}

/** Per-rule memo of values computed from one paragraph, keyed by the paragraph's text. */
const paragraphMemos = new Map<string, Lru<unknown>>();

function memoParagraph<V>(key: string, p: Paragraph, compute: (p: Paragraph) => V, store?: AnalysisStore): V {
  const core = coreOf.get(p);
  if (core) {
    if (core.memos.has(key)) return core.memos.get(key) as V;
    const v = compute(p);
    core.memos.set(key, v);
    return v;
  }
  // A paragraph the engine did not make (a tool's, a test's): by its text.
  let kept = store?.memos.get(key);
  if (store && !kept) store.memos.set(key, (kept = new Map()));
  if (kept?.has(p.text)) return kept.get(p.text) as V;
  let memo = paragraphMemos.get(key);
  if (!memo) {
    memo = new Lru(PARAGRAPH_CACHE_LIMIT, PARAGRAPH_CACHE_CHARS);
    paragraphMemos.set(key, memo);
  }
  const hit = memo.get(p.text);
  if (hit !== undefined) {
    kept?.set(p.text, hit);
    return hit as V;
  }
  const value = compute(p);
  memo.set(p.text, value);
  kept?.set(p.text, value);
  return value;
}

/** The engine's per-paragraph memo, through an analysis's store when there is one. */
export function storeMemo(store?: AnalysisStore): <V>(key: string, p: Paragraph, compute: (p: Paragraph) => V) => V {
  return (key, p, compute) => memoParagraph(key, p, compute, store);
}

function reportsPerParagraph<T extends { start?: number; end?: number }>(
  key: string | ((paragraph: Paragraph, index: number) => string),
  paragraphs: readonly Paragraph[],
  check: (p: Paragraph, index: number) => T[],
  store?: AnalysisStore,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    // Stored relative to the paragraph start; rebased on the way out.
    const relative = memoParagraph(typeof key === 'string' ? key : key(p, i), p, (q) =>
      check(q, i).map((r) => ({
        ...r,
        ...(r.start !== undefined ? { start: r.start - q.start } : {}),
        ...(r.end !== undefined ? { end: r.end - q.start } : {}),
      })),
      store,
    );
    for (const r of relative) {
      out.push({
        ...r,
        ...(r.start !== undefined ? { start: r.start + p.start } : {}),
        ...(r.end !== undefined ? { end: r.end + p.start } : {}),
      });
    }
  }
  return out;
}

/**
 * A paragraph longer than this is read as pieces of at most this many characters, cut between
 * sentences (or, in a run with no sentence end, at a space): every surface reads the same
 * paragraphs, and the analysis in slices (src/engine/sliced.ts) can read a draft of any size a
 * piece at a time. A paragraph of real mail is far shorter; a pasted log or contract is not.
 */
export const PIECE_CHARS = 3_000;

const SENTENCE_END = /[.!?。！？\n]/u;

/** Where a piece of a long paragraph that starts at `from` ends (exclusive), at most `to`. */
function cutAt(body: string, from: number, to: number): number {
  if (to - from <= PIECE_CHARS) return to;
  const limit = from + PIECE_CHARS;
  let space = -1;
  // Backwards from the limit to half a piece: the last sentence end, else the last space.
  for (let k = limit; k > from + PIECE_CHARS / 2; k--) {
    const c = body[k - 1]!;
    if (SENTENCE_END.test(c) && (k >= to || /\s/u.test(body[k]!) || c === '。' || c === '！' || c === '？')) return k;
    if (space === -1 && /\s/u.test(c)) space = k;
  }
  if (space !== -1) return space;
  const code = body.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/**
 * The writer's paragraphs (pieces of long ones) in body order. Lazy, so the analysis in slices
 * takes a few at a time.
 */
export function* paragraphRanges(body: string, split: SplitBody): Generator<{ start: number; end: number }> {
  for (const seg of split.segments) {
    if (seg.kind !== 'new') continue;
    for (const p of splitParagraphs(body, seg.start, seg.end)) {
      let from = p.start;
      while (p.end - from > PIECE_CHARS) {
        const cut = cutAt(body, from, p.end);
        let end = cut;
        while (end > from && /\s/u.test(body[end - 1]!)) end--;
        if (end > from) yield { start: from, end };
        from = cut;
        while (from < p.end && /\s/u.test(body[from]!)) from++;
      }
      if (from < p.end) yield { start: from, end: p.end };
    }
  }
}

/** What a draft's document takes from the whole body, whatever part of its paragraphs it holds. */
export interface DraftReading {
  body: string;
  split: SplitBody;
  quotedText: string;
  isReply: boolean;
  firstContact: boolean;
  firstContactDetected: boolean;
}

/** Reads what every document of this draft shares: the split into quotes and signature, first contact. */
export function readDraft(draft: Draft, ctx: AnalysisContext, split?: SplitBody): DraftReading {
  const body = typeof draft.body === 'string' ? draft.body : '';
  split ??= splitBody(body);
  const quotedInBody = split.segments
    .filter((s) => s.kind === 'quote')
    .map((s) => body.slice(s.start, s.end))
    .join('\n');
  const quotedText = [quotedInBody, draft.quoted ?? ''].filter(Boolean).join('\n');
  const verdict = detectFirstContact(draft, { hasQuote: split.hasQuote, hasWrittenTo: ctx.hasWrittenTo });
  const firstContact = ctx.firstContact === 'auto' ? verdict.firstContact : ctx.firstContact === 'yes';
  const isReply =
    !!draft.isReply || split.hasQuote || ['reply-headers', 'reply-subject', 'reply-quote', 'reply-flag'].includes(verdict.reason);
  return { body, split, quotedText, isReply, firstContact, firstContactDetected: verdict.firstContact };
}

/** Appends the paragraphs' sentences and word tokens. */
export function collectParagraphs(paragraphs: readonly Paragraph[], sentences: Sentence[], words: Token[]): void {
  // Plain loops, not flatMap: V8's flatMap is several times slower, and this runs on every
  // keystroke over the whole draft.
  for (const p of paragraphs) {
    for (const s of p.sentences) sentences.push(s);
    for (const t of p.tokens) if (t.isWord) words.push(t);
  }
}

/** Builds the document rules see. Exported for tests and tools. */
export function buildDoc(draft: Draft, ctx: AnalysisContext): RuleDoc {
  const reading = readDraft(draft, ctx);
  const paragraphs: Paragraph[] = [];
  for (const range of paragraphRanges(reading.body, reading.split)) paragraphs.push(readParagraph(reading.body, range, paragraphs.length));
  return makeDoc(draft, ctx, reading, paragraphs);
}

/**
 * The document of these paragraphs (read with `readParagraph`, indexed from 0 in this order):
 * all the writer's paragraphs for the analysis, or a window of them (src/engine/sliced.ts).
 */
export function makeDoc(
  draft: Draft,
  ctx: AnalysisContext,
  reading: DraftReading,
  paragraphs: Paragraph[],
  store?: AnalysisStore,
  /** The paragraphs' sentences and word tokens when the caller collected them as it read them. */
  collected?: { sentences: Sentence[]; words: Token[] },
): RuleDoc {
  const { body, split, quotedText, isReply, firstContact } = reading;
  const sentences: Sentence[] = collected?.sentences ?? [];
  const words: Token[] = collected?.words ?? [];
  if (!collected) collectParagraphs(paragraphs, sentences, words);
  const hasCache = new WeakMap<object, boolean>();
  const matchMemo = new Map<object, PhraseMatch<PhraseEntry>[]>();
  const sentenceMatchMemo = new Map<object, Map<number, PhraseMatch<PhraseEntry>[]>>();
  const doc: RuleDoc = {
    body,
    draft,
    paragraphs,
    sentences,
    words,
    wordCount: words.length,
    signOffStart: split.signOffStart,
    quotedText,
    isReply,
    firstContact,
    firstContactDetected: reading.firstContactDetected,
    region: ctx.region,
    sector: ctx.sector,
    packs: ctx.packs,
    // Several rules share a table (apologies, requests): match it once per draft. A copy is
    // returned so a rule that sorts or filters in place cannot disturb the next one.
    match: <E extends PhraseEntry>(table: PhraseTable<E>) => {
      const key = table as unknown as object;
      let all = matchMemo.get(key) as PhraseMatch<E>[] | undefined;
      if (!all) {
        all = [];
        for (const p of paragraphs) for (const m of matchParagraph(table, p, store)) all.push(m);
        matchMemo.set(key, all as PhraseMatch<PhraseEntry>[]);
      }
      return all.slice();
    },
    // A paragraph's matches are rebased once per draft and searched by offset: filtering them
    // for every sentence was quadratic in a paragraph of many sentences.
    matchSentence: <E extends PhraseEntry>(table: PhraseTable<E>, sentence: Sentence) => {
      let perTable = sentenceMatchMemo.get(table as unknown as object);
      if (!perTable) sentenceMatchMemo.set(table as unknown as object, (perTable = new Map()));
      let all = perTable.get(sentence.paragraph) as PhraseMatch<E>[] | undefined;
      if (!all) {
        all = matchParagraph(table, paragraphs[sentence.paragraph]!, store);
        if (all.some((m, i) => i > 0 && m.start < all![i - 1]!.start)) all = all.slice().sort((a, b) => a.start - b.start);
        perTable.set(sentence.paragraph, all as PhraseMatch<PhraseEntry>[]);
      }
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid]!.start < sentence.start) lo = mid + 1;
        else hi = mid;
      }
      const out: PhraseMatch<E>[] = [];
      for (let i = lo; i < all.length && all[i]!.start < sentence.end; i++) if (all[i]!.end <= sentence.end) out.push(all[i]!);
      return out;
    },
    // Binary search: sentences are in body order and do not overlap. Rules call this once per
    // match, so a linear scan made them quadratic on long drafts.
    sentenceAt: (offset) => {
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = sentences[mid]!;
        if (offset < s.start) hi = mid - 1;
        else if (offset >= s.end) lo = mid + 1;
        else return s;
      }
      return undefined;
    },
    reportsPerParagraph: (key, check) => reportsPerParagraph(key, paragraphs, check, store),
    memoParagraph: (key, p, compute) => memoParagraph(key, p, compute, store),
    has: (table) => {
      const key = table as unknown as object;
      let v = hasCache.get(key);
      if (v === undefined) {
        v = paragraphs.some((p) => matchParagraph(table, p, store).length > 0);
        hasCache.set(key, v);
      }
      return v;
    },
  };
  return doc;
}

function pick(l: Localized | undefined, lang: Lang): string {
  if (!l) return '';
  return l[lang] || l.en;
}

function toFinding(rule: Rule, r: RuleReport, doc: RuleDoc, ctx: AnalysisContext): Finding {
  const lang = ctx.lang;
  const hasSpan =
    typeof r.start === 'number' &&
    typeof r.end === 'number' &&
    r.start >= 0 &&
    r.end <= doc.body.length &&
    r.start <= r.end;
  const target = r.target ?? (hasSpan ? 'body' : 'draft');
  const severity = ctx.severityOverrides?.[rule.id] ?? r.severity ?? rule.severity;
  const message = fillPlaceholders(pick(rule.messages[r.messageId ?? 'default'] ?? rule.messages.default, lang), r.data);
  const rationale = fillPlaceholders(pick(rule.rationales[r.rationaleId ?? 'default'] ?? rule.rationales.default, lang), r.data);
  const suggestion = r.suggestion
    ? { text: fillPlaceholders(pick(r.suggestion.text, lang), r.data), ...(r.suggestion.replacement !== undefined ? { replacement: r.suggestion.replacement } : {}) }
    : { text: fillPlaceholders(pick(rule.advice, lang), r.data) };
  let excerpt = '';
  if (target === 'body' && hasSpan) excerpt = doc.body.slice(r.start, r.end);
  else if (target === 'subject') excerpt = doc.draft.subject ?? '';
  else if (target === 'attachment') excerpt = doc.draft.attachments?.[r.attachmentIndex ?? 0]?.name ?? '';
  const finding: Finding = { ruleId: rule.id, pack: rule.pack, severity, message, rationale, suggestion, target, excerpt };
  if (target === 'body' && hasSpan) {
    finding.start = r.start;
    finding.end = r.end;
  }
  if (target === 'attachment') finding.attachmentIndex = r.attachmentIndex ?? 0;
  return finding;
}

const userTables = new Lru<PhraseTable<PhraseEntry & { user: UserPhrase }>>(64);

function userPhraseFindings(doc: RuleDoc, ctx: AnalysisContext): Finding[] {
  const phrases = (ctx.userPhrases ?? []).filter((p) => p.phrase.trim() !== '' && ctx.packs.includes(p.pack) && !ctx.disabledRules.includes(userPhraseRuleId(p.id)));
  if (phrases.length === 0) return [];
  const key = JSON.stringify(phrases);
  let table = userTables.get(key);
  if (!table) {
    // Literal words only: brackets, bars and asterisks in user text are escaped into plain tokens
    // by quoting each part, so the phrase syntax never applies to user input.
    table = definePhrases(
      phrases.map((p) => ({ pattern: literalPattern(p.phrase), user: p, ...(p.replacement ? { replacement: p.replacement } : {}) })),
    );
    userTables.set(key, table);
  }
  return doc.match(table).map((m) => ({
    ruleId: userPhraseRuleId(m.entry.user.id),
    pack: m.entry.user.pack,
    severity: m.entry.user.severity ?? 'warning',
    message: m.entry.user.message,
    rationale: m.entry.user.message,
    suggestion: m.entry.user.replacement
      ? { text: m.entry.user.replacement, replacement: m.entry.user.replacement }
      : { text: m.entry.user.message },
    target: 'body' as const,
    start: m.start,
    end: m.end,
    excerpt: doc.body.slice(m.start, m.end),
  }));
}

/**
 * Turns user text into a pattern that matches it literally: the tokenizer splits it into words
 * and punctuation; syntax characters become separate literal tokens, which the pattern parser
 * treats as alternatives of a single token only when they contain "|", so we drop those.
 */
function literalPattern(text: string): string {
  return tokenize(text)
    .map((t) => t.text)
    .filter((t) => t !== '|' && t !== '*' && t !== '[' && t !== ']')
    .join(' ');
}

/** What the engine decided about the draft itself, beside the findings. */
export interface DraftFacts {
  /** The language of the writer's own words (not the quote or the signature). */
  language: DraftLanguage;
  firstContact: boolean;
  /** What first-contact detection says, whatever the user's override. */
  firstContactDetected: boolean;
  isReply: boolean;
  /** Word tokens of the writer's words (a run of Japanese script is one token). */
  wordCount: number;
}

export interface Engine {
  readonly rules: readonly Rule[];
  analyze(draft: Draft, ctx: AnalysisContext): Finding[];
  /** The findings and the facts they were judged on, from one reading of the draft. */
  analyzeDraft(draft: Draft, ctx: AnalysisContext): { findings: Finding[]; facts: DraftFacts };
}

const NO_FACTS: DraftFacts = { language: 'en', firstContact: false, firstContactDetected: false, isReply: false, wordCount: 0 };

/** Whether the context runs this rule. */
export function ruleIsOn(rule: Rule, ctx: AnalysisContext): boolean {
  return ctx.packs.includes(rule.pack) && !ctx.disabledRules.includes(rule.id);
}

/** One rule's findings on the document; a rule that throws is reported and gives none. */
export function ruleFindings(rule: Rule, doc: RuleDoc, ctx: AnalysisContext): Finding[] {
  let reports: RuleReport[];
  try {
    reports = rule.check(doc, ctx);
  } catch (err) {
    console.error(`nemawashi: rule ${rule.id} failed`, err);
    return [];
  }
  return reports.map((r) => toFinding(rule, r, doc, ctx));
}

/** The rules' findings with the user's phrases, sorted, and the facts of the document. */
export function finishAnalysis(doc: RuleDoc, ctx: AnalysisContext, findings: Finding[]): { findings: Finding[]; facts: DraftFacts } {
  // A loop, not push(...): a pasted block can give more findings than a call has arguments.
  if (!ctx.disabledRules.includes(USER_PHRASES_SWITCH)) for (const f of userPhraseFindings(doc, ctx)) findings.push(f);
  const facts: DraftFacts = { language: docLanguage(doc), firstContact: doc.firstContact, firstContactDetected: doc.firstContactDetected, isReply: doc.isReply, wordCount: doc.wordCount };
  return { findings: sortFindings(findings), facts };
}

/** Reads a window's matches of the user's phrases so that the whole draft's are cached (src/engine/sliced.ts). */
export function warmUserPhrases(doc: RuleDoc, ctx: AnalysisContext): void {
  if (!ctx.disabledRules.includes(USER_PHRASES_SWITCH)) userPhraseFindings(doc, ctx);
}

export function createEngine(rules: readonly Rule[]): Engine {
  const engine: Engine = {
    rules,
    analyze(draft, ctx) {
      return engine.analyzeDraft(draft, ctx).findings;
    },
    analyzeDraft(draft, ctx) {
      let doc: RuleDoc;
      try {
        doc = buildDoc(draft ?? { body: '' }, ctx);
      } catch (err) {
        // The engine never throws on text; a failure here is a bug, reported once, no findings.
        console.error('nemawashi: could not read the draft', err);
        return { findings: [], facts: NO_FACTS };
      }
      const findings: Finding[] = [];
      for (const rule of rules) if (ruleIsOn(rule, ctx)) for (const f of ruleFindings(rule, doc, ctx)) findings.push(f);
      return finishAnalysis(doc, ctx, findings);
    },
  };
  return engine;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => {
    const as = a.start ?? Number.MAX_SAFE_INTEGER;
    const bs = b.start ?? Number.MAX_SAFE_INTEGER;
    if (as !== bs) return as - bs;
    const d = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
    if (d !== 0) return d;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  });
}
