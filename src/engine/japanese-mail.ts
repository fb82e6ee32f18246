/**
 * Quote headers and signature blocks as Japanese mail writes them (issue 15). Used by
 * splitBody (segment.ts) line by line; every regex is anchored and bounded to one line.
 */

/**
 * Attribution lines that start a quoted earlier message: "田中様 wrote:", "田中 太郎 <t@x.jp> wrote:",
 * "田中様からのメール:" and the Japanese client forms "…のメッセージ:", "…さんは書きました:".
 * (The dated Gmail form "2026年11月20日(金) 10:12 田中 <…>:" is already segment.ts's JA_WROTE.)
 */
const JA_ATTRIBUTION = /^[^>\s][^>]{0,119}(?:様|さん|殿|氏|>) ?(?:wrote|が書きました|からのメール|からのメッセージ) ?[:：]\s*$/;
/** Forward/original separators with Japanese labels or full-width dashes. */
const JA_SEPARATOR = /^\s*[-ー－―]{3,}\s*(?:元のメッセージ|転送メッセージ|転送されたメッセージ|オリジナルメッセージ|Original Message|Forwarded message)\s*[-ー－―]{3,}\s*$/i;
/** Full-width quote marks used like ">" ("＞ お世話になっております"). */
const JA_QUOTE_LINE = /^\s*＞/;

export function isJapaneseQuoteHeader(line: string): boolean {
  return JA_ATTRIBUTION.test(line) || JA_SEPARATOR.test(line);
}

export function isJapaneseQuoteLine(line: string): boolean {
  return JA_QUOTE_LINE.test(line);
}

/** A frame line of a signature block: ━━━, ―――, ＿＿＿, ＝＝＝, ─── and the like. */
const FRAME = /^\s*(?:[━―─＿＝═～〜*＊=_◆◇■□●○・…-]\s?){6,}\s*$/;
/**
 * Lines that only signatures have: organisation, department, contact details. Several small
 * regexes tried in turn (one alternation of all of them is too large for recheck to clear).
 */
const SIGNATURE_ORG = /株式会社|有限会社|合同会社|（株）|\(株\)|〒\s?\d|https?:\/\//;
const SIGNATURE_DEPT = /[部課室](?:長|課長|部長)?\s*$/;
const SIGNATURE_CONTENT = { test: (line: string): boolean => SIGNATURE_ORG.test(line) || SIGNATURE_DEPT.test(line) || CONTACT.test(line) };
/** Contact details: what makes an unframed block at the end a signature. */
const CONTACT_LABEL = /(?:^|\s)(?:TEL|Tel|tel|FAX|Fax|電話|携帯|Mobile|Mail|E-?mail|メール)\s*[:：]|〒\s?\d/;
const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w-]/;
const LETTER = /[A-Za-z]/;
/**
 * Whether the line holds an e-mail address ("x@host.tld"), read with a loop: the regex form
 * (`[\w.+-]@[\w-]{1,100}\.[A-Za-z]`) re-scans the domain from every "@" and recheck flags it.
 */
function hasEmailAddress(line: string): boolean {
  for (let at = line.indexOf('@'); at !== -1; at = line.indexOf('@', at + 1)) {
    if (at === 0 || !EMAIL_LOCAL.test(line[at - 1]!)) continue;
    let k = at + 1;
    while (k < line.length && EMAIL_DOMAIN.test(line[k]!)) k++;
    if (k > at + 1 && line[k] === '.' && LETTER.test(line[k + 1] ?? '')) return true;
    at = k - 1;
  }
  return false;
}
const CONTACT = { test: (line: string): boolean => CONTACT_LABEL.test(line) || hasEmailAddress(line) };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const SENTENCE_END = /[。！？]\s*$/;

/** Signature blocks are short: more lines than this is a body, not a signature. */
const MAX_BLOCK = 14;

/**
 * The first line of a Japanese signature block among lines [0, end) (`isNew(i)` says which lines
 * are still the writer's words), or -1. Two forms:
 * - a frame line (━━━, ―――, ＿＿＿ …) whose block holds an organisation or contact line and no
 *   sentence ending in 。;
 * - an unframed last block (after a blank line) of short lines in Japanese script with a contact
 *   line (TEL, 〒, an address).
 */
export function japaneseSignatureStart(lines: readonly string[], end: number, isNew: (i: number) => boolean): number {
  let last = end - 1;
  while (last >= 0 && (!isNew(last) || lines[last]!.trim() === '')) last--;
  if (last < 0) return -1;
  const floor = Math.max(0, last - MAX_BLOCK);
  // 1. Framed: the topmost frame line within the last block whose block looks like a signature.
  let framed = -1;
  for (let i = last; i >= floor; i--) {
    if (!isNew(i)) break;
    const t = lines[i]!;
    if (SENTENCE_END.test(t) && !FRAME.test(t)) break;
    if (FRAME.test(t)) framed = i;
  }
  if (framed !== -1) {
    let content = false;
    for (let i = framed + 1; i <= last; i++) if (SIGNATURE_CONTENT.test(lines[i]!)) content = true;
    if (content) return framed;
  }
  // 2. Unframed: the last block after a blank line.
  let top = last;
  while (top - 1 >= floor && isNew(top - 1) && lines[top - 1]!.trim() !== '') top--;
  if (top === 0 || last - top > 8) return -1;
  let contact = false;
  let japanese = false;
  for (let i = top; i <= last; i++) {
    const t = lines[i]!;
    if (t.trim().length > 60 || SENTENCE_END.test(t)) return -1;
    if (CONTACT.test(t)) contact = true;
    if (JAPANESE.test(t)) japanese = true;
  }
  return contact && japanese ? top : -1;
}
