/**
 * Drafts written in Japanese: the language of the writer's words, Japanese word segmentation
 * with the platform's own `Intl.Segmenter('ja')` (no dictionary in the bundle), Japanese
 * sentences, the addressee block, and the quote and signature forms of Japanese mail.
 *
 * Everything here is linear in the text and cached per paragraph (by its text), so after a
 * one-character edit only the edited paragraph is segmented again.
 */
import type { Paragraph } from './text';

/** Hiragana, katakana (full and half width), CJK ideographs and the iteration mark 々. */
const JA_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヶ]/u;
const LATIN_CHAR = /[A-Za-z]/;

export type DraftLanguage = 'en' | 'ja';

export interface JaWord {
  /** Offset relative to the paragraph start. */
  index: number;
  segment: string;
}

export interface ParagraphWords {
  /** Word-like segments (punctuation and spaces dropped), offsets relative to the paragraph. */
  words: JaWord[];
  /** Words with Japanese script in them. */
  japanese: number;
  /** Words with Latin letters and no Japanese script (product names, English). */
  latin: number;
}

let segmenter: Intl.Segmenter | null | undefined;

/** The word segmenter, or null on a platform without one (the engine then counts characters). */
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ja', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/** The longest text the segmenter is given at once; a paragraph shorter than this is one piece. */
const SEGMENT_PIECE = 1000;
const PIECE_BREAK = /[\s、。，．！？,.!?「」『』（）()]/u;

/**
 * Where the piece of `text` that starts at `from` ends: the text's end when it is near, else just
 * after the last space or punctuation mark before SEGMENT_PIECE characters (where the segmenter
 * breaks words anyway), else at SEGMENT_PIECE characters, never inside a surrogate pair.
 */
function segmentPieceEnd(text: string, from: number): number {
  if (text.length - from <= SEGMENT_PIECE) return text.length;
  const limit = from + SEGMENT_PIECE;
  for (let k = limit; k > from + SEGMENT_PIECE / 2; k--) if (PIECE_BREAK.test(text[k - 1]!)) return k;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit + 1 : limit;
}

/** Segments one paragraph's text into words (uncached; callers cache by paragraph). */
export function segmentWords(text: string): ParagraphWords {
  const words: JaWord[] = [];
  let japanese = 0;
  let latin = 0;
  const seg = wordSegmenter();
  if (seg) {
    // Piece by piece: V8's segmenter costs more than linear time in the length of the string
    // (100,000 characters without a break took minutes), so it never sees more than a piece.
    for (let from = 0; from < text.length; ) {
      const to = segmentPieceEnd(text, from);
      for (const s of seg.segment(from === 0 && to === text.length ? text : text.slice(from, to))) {
        if (!s.isWordLike) continue;
        words.push({ index: from + s.index, segment: s.segment });
        if (JA_CHAR.test(s.segment)) japanese++;
        else if (LATIN_CHAR.test(s.segment)) latin++;
      }
      from = to;
    }
  } else {
    // No segmenter: a Latin word is a run of letters; Japanese words average about two characters.
    let jaChars = 0;
    let inLatin = false;
    for (const ch of text) {
      if (JA_CHAR.test(ch)) jaChars++;
      const isLatin = LATIN_CHAR.test(ch);
      if (isLatin && !inLatin) latin++;
      inLatin = isLatin;
    }
    japanese = Math.ceil(jaChars / 2);
  }
  return { words, japanese, latin };
}

/** Minimal view of the engine's per-paragraph memo (RuleDoc.memoParagraph has this shape). */
export type ParagraphMemo = <V>(key: string, paragraph: Paragraph, compute: (p: Paragraph) => V) => V;

const plainMemo: ParagraphMemo = (_key, p, compute) => compute(p);

/** Words of a paragraph, cached through the engine's paragraph memo. */
export function paragraphWords(p: Paragraph, memo: ParagraphMemo = plainMemo): ParagraphWords {
  return memo('ja:words', p, (q) => segmentWords(q.text));
}

/**
 * The language of the writer's words: Japanese when most of their words are in Japanese script.
 * Quotes and signatures are not in `paragraphs` (the engine splits them off first), so a
 * Japanese signature under an English draft does not make it Japanese, nor an English product
 * name in a Japanese draft English.
 */
export function languageOf(paragraphs: readonly Paragraph[], memo: ParagraphMemo = plainMemo): DraftLanguage {
  return languageOfCounts(languageCounts(paragraphs, memo));
}

/** The language from word counts summed over paragraphs (a long draft sums them step by step). */
export function languageOfCounts(c: { japanese: number; latin: number }): DraftLanguage {
  return c.japanese > c.latin ? 'ja' : 'en';
}

/** Japanese and Latin words of these paragraphs: what `languageOf` decides on, so sums of parts agree with the whole. */
export function languageCounts(paragraphs: readonly Paragraph[], memo: ParagraphMemo = plainMemo): { japanese: number; latin: number } {
  let japanese = 0;
  let latin = 0;
  for (const p of paragraphs) {
    // Kept per paragraph: after a keystroke only the edited paragraph is read again.
    const w = memo('ja:counts', p, (q) => {
      // Cheap test first: a paragraph without any Japanese character needs no segmentation.
      if (!JA_CHAR.test(q.text)) return { japanese: 0, latin: latinRuns(q.text) };
      const all = paragraphWords(q, memo);
      return { japanese: all.japanese, latin: all.latin };
    });
    japanese += w.japanese;
    latin += w.latin;
  }
  return { japanese, latin };
}

/** How many runs of A-Z/a-z the text has (a loop: matchAll made an object per English word of a pasted block). */
function latinRuns(text: string): number {
  let n = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    const letter = c >= 97 && c <= 122;
    if (letter && !inRun) n++;
    inRun = letter;
  }
  return n;
}

export function hasJapanese(text: string): boolean {
  return JA_CHAR.test(text);
}

// ---------------------------------------------------------------------------------------------
// Sentences

export interface JaSentence {
  /** Absolute body offsets. */
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph in the document. */
  paragraph: number;
  /** The sentence without its closing punctuation, brackets, trailing laughs or emoji. */
  core: string;
  /** The punctuation that ended it ('。', '！', '？', '' for a line end). */
  terminator: string;
  /** True when the sentence is a line of its own that starts with a bullet or a number. */
  bullet: boolean;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '．']);
const CLOSERS = new Set(['」', '』', '）', ')', '】', '”', '"', '’']);
/** A line that ends in one of these continues on the next line (a soft wrap inside a sentence). */
const CONTINUES = /[、，,（(「『]$/;
const BULLET_LINE = /^\s*(?:[・•●○◎■□◆◇▶▼※\-*＊→]|[①-⑳]|[（(]?\d{1,2}[.．)）:：]|\d{1,2}\s)/;

interface RelSentence {
  start: number;
  end: number;
  core: string;
  terminator: string;
  bullet: boolean;
}

/** Trailing marks that do not change the grammar of a sentence end: 〜, ー, …, 笑, (笑), w, emoji. */
const DECORATION = new Set(['〜', '～', 'ー', '…', '・', '笑', 'w', 'ｗ', '\uFE0F', '\u200D']);
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const LAUGH_SUFFIXES = ['（笑）', '(笑)', '（爆笑）', '(爆笑)'];

function isDecoration(ch: string): boolean {
  return DECORATION.has(ch) || /\s/.test(ch) || PICTOGRAPH.test(ch);
}

/** The sentence without its closing marks and decorations; a loop, so linear however long the run. */
function coreOf(text: string): string {
  let end = text.length;
  for (;;) {
    const before = end;
    // "（笑）" before the closing brackets: its "）" is not a closer of the sentence.
    const laugh = LAUGH_SUFFIXES.find((l) => text.endsWith(l, end));
    if (laugh) end -= laugh.length;
    while (end > 0 && (SENTENCE_END.has(text[end - 1]!) || CLOSERS.has(text[end - 1]!))) end--;
    while (end > 0) {
      // Emoji outside the BMP are two code units: test the whole code point.
      const cp = text.codePointAt(end - 2);
      if (end >= 2 && cp !== undefined && cp > 0xffff && PICTOGRAPH.test(String.fromCodePoint(cp))) end -= 2;
      else if (isDecoration(text[end - 1]!)) end--;
      else break;
    }
    if (end === before) break;
  }
  return text.slice(0, end);
}

/** Splits a paragraph's text into Japanese sentences (offsets relative to the paragraph). */
export function splitJapaneseSentences(text: string): RelSentence[] {
  const out: RelSentence[] = [];
  let from = 0;
  let lineStart = 0;
  let bullet = BULLET_LINE.test(text.slice(0, 12));
  const push = (a: number, b: number, terminator: string) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) return;
    const s = text.slice(a, b);
    out.push({ start: a, end: b, core: coreOf(s), terminator, bullet: bullet && a <= lineStart + 12 });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (SENTENCE_END.has(c)) {
      // A run of marks ("！！", "？！") and the closing brackets after them belong to the sentence.
      let j = i + 1;
      while (j < text.length && (SENTENCE_END.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
      // "(笑)" or emoji right after the mark, before the line ends, stay with it too.
      push(from, j, c);
      from = j;
      i = j - 1;
    } else if (c === '\n') {
      const line = text.slice(lineStart, i).trimEnd();
      if (!CONTINUES.test(line)) {
        push(from, i, '');
        from = i + 1;
      }
      lineStart = i + 1;
      bullet = BULLET_LINE.test(text.slice(lineStart, lineStart + 12));
    }
  }
  push(from, text.length, '');
  return out;
}

/**
 * The sentences last made for each paragraph object, with the index they were made at. The
 * engine gives an unchanged paragraph at an unchanged place the same object from one analysis to
 * the next (src/engine/analyze.ts), so after a keystroke the paragraphs before it keep their
 * sentences and only those after it (moved) are made again. Read-only for callers.
 */
const sentencesOfParagraph = new WeakMap<Paragraph, { index: number; sentences: JaSentence[] }>();

/** Japanese sentences of the writer's words (cached per paragraph). */
export function japaneseSentences(paragraphs: readonly Paragraph[], memo: ParagraphMemo = plainMemo): JaSentence[] {
  const out: JaSentence[] = [];
  paragraphs.forEach((p, index) => {
    const kept = sentencesOfParagraph.get(p);
    if (kept && kept.index === index) {
      for (const s of kept.sentences) out.push(s);
      return;
    }
    const rel = memo('ja:sentences', p, (q) => splitJapaneseSentences(q.text));
    const sentences: JaSentence[] = [];
    for (const s of rel) {
      sentences.push({
        start: p.start + s.start,
        end: p.start + s.end,
        text: p.text.slice(s.start, s.end),
        paragraph: index,
        core: s.core,
        terminator: s.terminator,
        bullet: s.bullet,
      });
    }
    sentencesOfParagraph.set(p, { index, sentences });
    for (const s of sentences) out.push(s);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The addressee block: the lines naming the recipient before the greeting.

/** Greetings and openings that end the addressee block. */
export const OPENING_WORDS = /お世話に|御世話に|はじめまして|初めまして|初めて|突然の|突然メール|ご連絡ありがとう|お疲れ|拝啓|平素|いつも|ありがとう|どうも|こんにちは|おはよう|失礼いたします|失礼します/;

export interface AddresseeLine {
  start: number;
  end: number;
  text: string;
}

/**
 * The leading short lines of the first paragraph that name the recipient ("株式会社… 御中",
 * "営業部 田中 様"), up to the first line that is a sentence or a greeting. Empty when the draft
 * starts with a sentence.
 */
export function addresseeLines(paragraphs: readonly Paragraph[]): AddresseeLine[] {
  const first = paragraphs[0];
  if (!first || paragraphs.length < 2) return [];
  const lines: AddresseeLine[] = [];
  let at = 0;
  const text = first.text;
  while (at <= text.length && lines.length < 5) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const line = text.slice(at, nl).trim();
    if (line === '') break;
    if (line.length > 40 || /[。！？!?]/.test(line) || OPENING_WORDS.test(line)) break;
    const lead = text.slice(at, nl).length - text.slice(at, nl).trimStart().length;
    lines.push({ start: first.start + at + lead, end: first.start + at + lead + line.length, text: line });
    if (nl === text.length) break;
    at = nl + 1;
  }
  // A block that is the whole first paragraph must look like names: an honorific, an
  // organisation or a short line; a lone short sentence without 。 is not an addressee.
  if (lines.length === 0) return [];
  const looksLikeName = lines.some((l) =>
    /(?:様|さま|御中|殿|先生|各位|さん|くん|君|株式会社|有限会社|会社|部|課|室|局|大学|銀行|庁|所|店|センター)\s*$/.test(l.text) || /株式会社|有限会社|\(株\)|（株）/.test(l.text),
  );
  return looksLikeName ? lines : [];
}

// ---------------------------------------------------------------------------------------------
// Conjugation: させていただく and its forms as a class.

/**
 * A causative て-form (させて for する verbs; 伺わせて, 聞かせて for the others) + いただく in any
 * inflection. "させていただ" + an inflection, with the humble form that replaces it: させていただきます →
 * いたします, させていただきました → いたしました, させていただいた → した, and so on. Both
 * spellings of いただく (いただ / 頂) are one class.
 */
export const SASETE_ITADAKU = /[さわらかたまがばな]せて(?:いただ|頂)(?:きます|きました|きたく|きたい|いております|いています|いた|いて|き|く|ける|けます|けない|けません|けれ)/gu;

/** The humble replacement of a させていただく form, or undefined for a permission request. */
export function humbleFormOf(sasete: string): string | undefined {
  // The part after いただ / 頂 (indexOf, not a regex: recheck reads "(.*)$" as polynomial).
  const a = sasete.indexOf('いただ');
  const b = sasete.indexOf('頂');
  const at = a === -1 ? b : b === -1 ? a : Math.min(a, b);
  if (at === -1) return undefined;
  const tail = sasete.slice(at + (at === a ? 3 : 1));
  if (tail.startsWith('け')) return undefined; // いただける / いただけますか: asks permission
  switch (tail) {
    case 'きます':
      return 'いたします';
    case 'きました':
      return 'いたしました';
    case 'きたく':
      return 'いたしたく';
    case 'きたい':
      return 'いたしたい';
    case 'いております':
    case 'いています':
      return 'しております';
    case 'いた':
      return 'した';
    case 'いて':
      return 'して';
    case 'き':
      return 'いたし';
    case 'く':
      return 'する';
    default:
      return undefined;
  }
}

/** The text before `offset` in the same sentence, at most `max` characters. */
export function clauseBefore(text: string, offset: number, max = 40): string {
  const from = Math.max(0, offset - max);
  const slice = text.slice(from, offset);
  const cut = Math.max(slice.lastIndexOf('。'), slice.lastIndexOf('\n'), slice.lastIndexOf('！'), slice.lastIndexOf('？'));
  return cut === -1 ? slice : slice.slice(cut + 1);
}

// ---------------------------------------------------------------------------------------------
// Per-document views, computed once per analysis (a RuleDoc is built per analysis).

interface DocLike {
  paragraphs: readonly Paragraph[];
  memoParagraph: ParagraphMemo;
}

const languageCache = new WeakMap<object, DraftLanguage>();
const sentenceCache = new WeakMap<object, JaSentence[]>();

/** The draft's language from the writer's words (RuleDoc), cached for the analysis. */
export function docLanguage(doc: DocLike): DraftLanguage {
  let v = languageCache.get(doc);
  if (v === undefined) {
    v = languageOf(doc.paragraphs, doc.memoParagraph);
    languageCache.set(doc, v);
  }
  return v;
}

/**
 * Sets the language of a document whose paragraphs are a part of a draft (src/engine/sliced.ts):
 * the rules judge each part in the language of the whole draft, as the one-step analysis does.
 */
export function presetDocLanguage(doc: DocLike, language: DraftLanguage): void {
  languageCache.set(doc, language);
}

/** The Japanese sentences of the writer's words (RuleDoc), cached for the analysis. */
export function docJapaneseSentences(doc: DocLike): JaSentence[] {
  let v = sentenceCache.get(doc);
  if (v === undefined) {
    v = japaneseSentences(doc.paragraphs, doc.memoParagraph);
    sentenceCache.set(doc, v);
  }
  return v;
}
