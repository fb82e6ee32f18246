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
import { splitBody } from './segment';
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

interface ParagraphCore {
  text: string;
  tokens: Token[]; // offsets relative to the paragraph start
  sentences: Array<{ start: number; end: number; text: string; t0: number; t1: number; isQuestion: boolean; form: LineForm }>;
}

const PARAGRAPH_CACHE_LIMIT = 4000;

const paragraphCache = new Lru<ParagraphCore>(PARAGRAPH_CACHE_LIMIT);
const matchCache = new WeakMap<PhraseTable<PhraseEntry>, Lru<PhraseMatch<PhraseEntry>[]>>();

function paragraphCore(text: string): ParagraphCore {
  const hit = paragraphCache.get(text);
  if (hit) return hit;
  const tokens = tokenize(text, 0);
  // Sentences come in order over the same tokens: a moving index finds each one's first token
  // (indexOf from the start made a paragraph of many short sentences quadratic).
  let at = 0;
  const sentences = splitSentences(text, 0, tokens, 0).map((s) => {
    if (s.tokens.length) while (at < tokens.length && tokens[at] !== s.tokens[0]) at++;
    const t0 = s.tokens.length ? at : 0;
    return { start: s.start, end: s.end, text: s.text, t0, t1: t0 + s.tokens.length, isQuestion: s.isQuestion, form: s.form };
  });
  const core = { text, tokens, sentences };
  paragraphCache.set(text, core);
  return core;
}

/**
 * The last rebased view of each cached paragraph. After a one-word edit every paragraph before
 * the edit keeps its offset and index, so its tokens and sentences are reused instead of copied:
 * that copy was most of buildDoc's cost on long drafts.
 */
const rebased = new WeakMap<ParagraphCore, { offset: number; index: number; paragraph: Paragraph }>();

function rebase(core: ParagraphCore, offset: number, index: number): Paragraph {
  const last = rebased.get(core);
  if (last && last.offset === offset && last.index === index) return last.paragraph;
  const paragraph = rebaseFresh(core, offset, index);
  rebased.set(core, { offset, index, paragraph });
  return paragraph;
}

function rebaseFresh(core: ParagraphCore, offset: number, index: number): Paragraph {
  const tokens = core.tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
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

function matchParagraph<E extends PhraseEntry>(table: PhraseTable<E>, p: Paragraph): PhraseMatch<E>[] {
  let cache = matchCache.get(table as unknown as PhraseTable<PhraseEntry>);
  if (!cache) {
    cache = new Lru(PARAGRAPH_CACHE_LIMIT);
    matchCache.set(table as unknown as PhraseTable<PhraseEntry>, cache);
  }
  let rel = cache.get(p.text) as PhraseMatch<E>[] | undefined;
  if (!rel) {
    rel = table.match(paragraphCore(p.text).tokens, p.text, 0);
    cache.set(p.text, rel as PhraseMatch<PhraseEntry>[]);
  }
  return rel.map((m) => ({ ...m, start: m.start + p.start, end: m.end + p.start }));
}

/** Per-rule memo of values computed from one paragraph, keyed by the paragraph's text. */
const paragraphMemos = new Map<string, Lru<unknown>>();

function memoParagraph<V>(key: string, p: Paragraph, compute: (p: Paragraph) => V): V {
  let memo = paragraphMemos.get(key);
  if (!memo) {
    memo = new Lru(PARAGRAPH_CACHE_LIMIT);
    paragraphMemos.set(key, memo);
  }
  const hit = memo.get(p.text);
  if (hit !== undefined) return hit as V;
  const value = compute(p);
  memo.set(p.text, value);
  return value;
}

function reportsPerParagraph<T extends { start?: number; end?: number }>(
  key: string | ((paragraph: Paragraph, index: number) => string),
  paragraphs: readonly Paragraph[],
  check: (p: Paragraph, index: number) => T[],
): T[] {
  const out: T[] = [];
  for (const [i, p] of paragraphs.entries()) {
    // Stored relative to the paragraph start; rebased on the way out.
    const relative = memoParagraph(typeof key === 'string' ? key : key(p, i), p, (q) =>
      check(q, i).map((r) => ({
        ...r,
        ...(r.start !== undefined ? { start: r.start - q.start } : {}),
        ...(r.end !== undefined ? { end: r.end - q.start } : {}),
      })),
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

/** A stretch of the body [start, end) analysed on its own (src/engine/sliced.ts). */
export interface BodyWindow {
  start: number;
  end: number;
}

/**
 * Builds the document rules see. Exported for tests and tools. With `window`, only the writer's
 * words inside it become paragraphs; the split into quotes and signature, first contact and
 * every offset still come from the whole body.
 */
export function buildDoc(draft: Draft, ctx: AnalysisContext, window?: BodyWindow): RuleDoc {
  const body = typeof draft.body === 'string' ? draft.body : '';
  const split = splitBody(body);
  const paragraphs: Paragraph[] = [];
  for (const seg of split.segments) {
    if (seg.kind !== 'new') continue;
    const from = window ? Math.max(seg.start, window.start) : seg.start;
    const to = window ? Math.min(seg.end, window.end) : seg.end;
    if (from >= to) continue;
    for (const range of splitParagraphs(body, from, to)) {
      const text = body.slice(range.start, range.end);
      paragraphs.push(rebase(paragraphCore(text), range.start, paragraphs.length));
    }
  }
  // Plain loops, not flatMap: V8's flatMap is several times slower, and this runs on every
  // keystroke over the whole draft.
  const sentences: Sentence[] = [];
  const words: Token[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) sentences.push(s);
    for (const t of p.tokens) if (t.isWord) words.push(t);
  }
  const quotedInBody = split.segments
    .filter((s) => s.kind === 'quote')
    .map((s) => body.slice(s.start, s.end))
    .join('\n');
  const quotedText = [quotedInBody, draft.quoted ?? ''].filter(Boolean).join('\n');
  const verdict = detectFirstContact(draft, { hasQuote: split.hasQuote, hasWrittenTo: ctx.hasWrittenTo });
  const firstContact = ctx.firstContact === 'auto' ? verdict.firstContact : ctx.firstContact === 'yes';
  const isReply =
    !!draft.isReply || split.hasQuote || ['reply-headers', 'reply-subject', 'reply-quote', 'reply-flag'].includes(verdict.reason);
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
    firstContactDetected: verdict.firstContact,
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
        for (const p of paragraphs) for (const m of matchParagraph(table, p)) all.push(m);
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
        all = matchParagraph(table, paragraphs[sentence.paragraph]!);
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
    reportsPerParagraph: (key, check) => reportsPerParagraph(key, paragraphs, check),
    memoParagraph: (key, p, compute) => memoParagraph(key, p, compute),
    has: (table) => {
      const key = table as unknown as object;
      let v = hasCache.get(key);
      if (v === undefined) {
        v = paragraphs.some((p) => matchParagraph(table, p).length > 0);
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
  /**
   * The findings and the facts they were judged on, from one reading of the draft; with
   * `window`, of the writer's words in that stretch of the body only (src/engine/sliced.ts).
   */
  analyzeDraft(draft: Draft, ctx: AnalysisContext, window?: BodyWindow): { findings: Finding[]; facts: DraftFacts };
}

const NO_FACTS: DraftFacts = { language: 'en', firstContact: false, firstContactDetected: false, isReply: false, wordCount: 0 };

export function createEngine(rules: readonly Rule[]): Engine {
  const engine: Engine = {
    rules,
    analyze(draft, ctx) {
      return engine.analyzeDraft(draft, ctx).findings;
    },
    analyzeDraft(draft, ctx, window) {
      let doc: RuleDoc;
      try {
        doc = buildDoc(draft ?? { body: '' }, ctx, window);
      } catch (err) {
        // The engine never throws on text; a failure here is a bug, reported once, no findings.
        console.error('nemawashi: could not read the draft', err);
        return { findings: [], facts: NO_FACTS };
      }
      const findings: Finding[] = [];
      const disabled = new Set(ctx.disabledRules);
      for (const rule of rules) {
        if (!ctx.packs.includes(rule.pack) || disabled.has(rule.id)) continue;
        let reports: RuleReport[];
        try {
          reports = rule.check(doc, ctx);
        } catch (err) {
          console.error(`nemawashi: rule ${rule.id} failed`, err);
          continue;
        }
        for (const r of reports) {
          findings.push(toFinding(rule, r, doc, ctx));
        }
      }
      if (!disabled.has(USER_PHRASES_SWITCH)) findings.push(...userPhraseFindings(doc, ctx));
      const facts: DraftFacts = { language: docLanguage(doc), firstContact: doc.firstContact, firstContactDetected: doc.firstContactDetected, isReply: doc.isReply, wordCount: doc.wordCount };
      return { findings: sortFindings(findings), facts };
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
