/**
 * What several Japanese checks share: the writer's sentences without the addressee block,
 * apologies, problems on the writer's side, questions, requests. Regexes here run on one
 * sentence at a time and have no nested quantifiers (tests/regex-safety.test.ts).
 */
import { addresseeLines, docJapaneseSentences, type AddresseeLine, type JaSentence, type Paragraph, type RuleDoc, type RuleReport } from '../../../src/engine';

const addresseeCache = new WeakMap<object, AddresseeLine[]>();
const sentenceCache = new WeakMap<object, JaSentence[]>();

/** The addressee block (the lines naming the recipient), cached per analysis. */
export function addressee(doc: RuleDoc): AddresseeLine[] {
  let v = addresseeCache.get(doc);
  if (!v) {
    v = addresseeLines(doc.paragraphs);
    addresseeCache.set(doc, v);
  }
  return v;
}

/** The writer's sentences after the addressee block. */
export function bodySentences(doc: RuleDoc): JaSentence[] {
  let v = sentenceCache.get(doc);
  if (!v) {
    const block = addressee(doc);
    const after = block.length ? block[block.length - 1]!.end : -1;
    v = docJapaneseSentences(doc).filter((s) => s.start > after);
    sentenceCache.set(doc, v);
  }
  return v;
}

const byParagraphCache = new WeakMap<object, JaSentence[][]>();

/** The writer's sentences (after the addressee block) grouped by paragraph index. */
function sentencesByParagraph(doc: RuleDoc): JaSentence[][] {
  let v = byParagraphCache.get(doc);
  if (!v) {
    v = doc.paragraphs.map(() => []);
    for (const s of bodySentences(doc)) v[s.paragraph]!.push(s);
    byParagraphCache.set(doc, v);
  }
  return v;
}

/**
 * Runs a sentence-local check paragraph by paragraph and caches its reports by the paragraph's
 * text (like RuleDoc.reportsPerParagraph), so after a one-character edit only the edited
 * paragraph is checked again. `check` must depend on nothing but the sentences it is given.
 * The first paragraph's key includes where its addressee block ends (that changes its sentences).
 */
export function perParagraph<R extends RuleReport>(doc: RuleDoc, key: string, check: (sentences: JaSentence[], p: Paragraph) => R[]): R[] {
  // Grouped only when a paragraph misses the cache: after an edit, one paragraph does.
  let grouped: JaSentence[][] | undefined;
  const block = addressee(doc);
  const keyOf = (p: Paragraph, i: number): string => (i === 0 ? `${key}|${block.length ? block[block.length - 1]!.end - p.start : -1}` : key);
  return doc.reportsPerParagraph(keyOf, (p, i) => check((grouped ??= sentencesByParagraph(doc))[i]!, p));
}

export interface Span {
  start: number;
  end: number;
}

/** Every match of a global regex in the writer's sentences, as absolute spans. */
export function findAll(sentences: readonly JaSentence[], re: RegExp): Array<Span & { sentence: JaSentence; text: string; groups: string[] }> {
  const out: Array<Span & { sentence: JaSentence; text: string; groups: string[] }> = [];
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`); // safe-regexp: re is one of this module's literals
  for (const s of sentences) {
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = g.exec(s.text)) !== null) {
      if (m[0] === '') {
        g.lastIndex++;
        continue;
      }
      out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: s, text: m[0], groups: m.slice(1) as string[] });
    }
  }
  return out;
}

/**
 * Phrases in order within one sentence, each within `gaps[k]` characters of the previous one and
 * with no 。 between them: "申し訳ございませんが … 責任ではございません". Each part is a regex of
 * literal alternatives; the gaps are read as bounded windows, so the search is linear in the
 * sentence (a "[^。]{0,40}?" window inside one regex is polynomial to recheck).
 */
export function findChain(
  sentences: readonly JaSentence[],
  parts: readonly RegExp[],
  gaps: readonly number[],
): Array<Span & { sentence: JaSentence; text: string }> {
  const out: Array<Span & { sentence: JaSentence; text: string }> = [];
  const head = parts[0]!.global ? parts[0]! : new RegExp(parts[0]!.source, `${parts[0]!.flags}g`); // safe-regexp: parts are the caller's literals
  for (const s of sentences) {
    head.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = head.exec(s.text)) !== null) {
      if (m[0] === '') {
        head.lastIndex++;
        continue;
      }
      let end = m.index + m[0].length;
      let ok = true;
      for (let k = 1; k < parts.length && ok; k++) {
        // The window is read, not the rest of the sentence: a sentence of many heads without 。
        // was quadratic when each head looked for the next 。 up to the sentence's end.
        const limit = Math.min(s.text.length, end + gaps[k - 1]! + 40);
        const stop = s.text.slice(end, limit).indexOf('。');
        const windowEnd = stop === -1 ? limit : end + stop;
        const part = parts[k]!;
        const next = new RegExp(part.source, part.flags.replace('g', '')).exec(s.text.slice(end, windowEnd)); // safe-regexp: parts are the caller's literals
        if (!next || next.index > gaps[k - 1]!) ok = false;
        else end = end + next.index + next[0].length;
      }
      if (ok) {
        out.push({ start: s.start + m.index, end: s.start + end, sentence: s, text: s.text.slice(m.index, end) });
        head.lastIndex = end;
      }
    }
  }
  return out;
}

/** An apology in Japanese (a conditional one counts: that is ja/non-apology's business). */
export const APOLOGY = /申し訳|お詫び|おわび|詫び|すみません|すいません|済みません|ごめんなさい|失礼いたしました|失礼しました|ご迷惑をおかけ(?:し|いたし)まし|ご迷惑をおかけして(?:おり|しまい)/u;

export function hasApology(doc: RuleDoc): boolean {
  return doc.paragraphs.some((p) => doc.memoParagraph('ja:apology', p, (q) => APOLOGY.test(q.text)));
}

/**
 * Problems on the writer's side: delay, error, defect, shortage, outage, a mix-up, a
 * postponement, and "X のところ Y で計算/記載" (it should have been X). A problem word
 * followed by a negation in its clause (遅延なく, エラーは発生しておりません, 不具合ではございません)
 * is not one, nor one that belongs to the recipient (貴社の不具合).
 */
const PROBLEM =
  /遅延|遅れ|不具合|誤り|誤記|誤って|誤送|間違|ミス(?![ト])|欠品|欠陥|障害|故障|不備|漏れ|紛失|破損|取り違え|ずれ込|延期|中止|トラブル|エラー|バグ|のところ[^、。]{1,20}で(?:計算|記載|入力|作成|発送|送付|手配)/u;
const NEGATED_AFTER = /^[^、。]{0,14}?(?:なく|ない|なし|ありません|ございません|ませんでした|しておりません)/u;
const RECIPIENT_SIDE = /貴社|御社|貴行|御行|貴学|そちら様?/u;

export function findProblem(doc: RuleDoc): (Span & { text: string }) | undefined {
  return perParagraph(doc, 'ja:problem', problemsIn)[0] as (Span & { text: string }) | undefined;
}

function problemsIn(sentences: readonly JaSentence[]): Array<RuleReport & Span & { text: string }> {
  for (const s of sentences) {
    const re = new RegExp(PROBLEM.source, 'gu'); // safe-regexp: PROBLEM is a literal above
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text)) !== null) {
      const after = s.text.slice(m.index + m[0].length);
      if (NEGATED_AFTER.test(after)) continue;
      const lead = s.text.slice(Math.max(0, m.index - 12), m.index);
      if (RECIPIENT_SIDE.test(lead) && !/弊社|当社|私/.test(lead)) continue;
      return [{ start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] }];
    }
  }
  return [];
}

/** A question to the recipient: 〜でしょうか, 〜ますか, 〜ですか, a question mark. */
export function isQuestion(s: JaSentence): boolean {
  return s.terminator === '？' || s.terminator === '?' || /(?:でしょうか|ますか|ですか|ませんか|いかがですか|いかがでしょう|か[。]?)$/u.test(s.core);
}

/** Soft request forms (いただけますでしょうか, いただけますと幸いです, お願いできますでしょうか …). */
export const SOFT_REQUEST = /いただけ(?:ます|ない|ません)(?:でしょうか|か)|いただけますと幸い|いただければ幸い|いただけると幸い|いただきたく|くださいますよう|お願いできます(?:でしょうか|か)|お願いできれば|(?<!よろしく|宜しく|よろしくお|何卒)(?:を|の程|のほど)?お願い(?:いたし|致し|申し上げ)ます/u;
