import { defineRule, docLanguage, type JaSentence } from '../../src/engine';
import { perParagraph } from './japanese/shared';

/**
 * です・ます endings (and their past, negative, volitional and question forms), after sentence-
 * final particles are set aside (ですね, ますよ, ですか). Anything polite ends in one of these.
 */
const POLITE_END = /(?:ます|です|ました|でした|ません|ませんでした|ましょう|でしょう|ませ|ください|下さい|なさいませ|ございます|存じます|まし|ですし|ますし)$/u;
/** Sentence-final particles that do not change the form they follow. */
const PARTICLES = /(?:よね|かな|ね|よ|か|な|わ|ぞ|ぜ|の|さ|けど|けれど|が|から|ので)$/u;
/**
 * Plain endings as a class: past た/だ (送った, 多かった, だった), the copula だ / である,
 * dictionary forms (する, ある, できる, 移行する), ている, negative ない / ぬ / ず, plain adjectives.
 * Every plain predicate ends in hiragana.
 */
const PLAIN_END = /(?:た|だ|である|る|う|く|す|つ|ぬ|ぶ|む|ぐ|ない|ず|い)$/u;
/**
 * Not plain predicates although they end like one: nouns (お願い, 幸い, 以上の…こと), fixed
 * closings (よろしく), desire kept polite by what follows in letters (〜たく), request forms.
 */
const NOT_PLAIN = /(?:こと|もの|お願い|願い|幸い|伺い|支払い|扱い|見舞い|付き合い|違い|思い|問い|向かい|よろしく|宜しく|たく|なさい|ように|ないように|以上|次第|ところ|また|ため|とおり|通り|まで|など|等)$/u;
/** Plain imperatives are ja/blunt-imperative's (て。, 送れ, 〜ように。), not this rule's. */
const IMPERATIVE = /(?:て|で|[えけせてねへめれげぜべぺろ]よ?|なさい|ように)$/u;
const HAS_VERB_KANA = /[\u3040-\u309f]/u;

/** The predicate at the end of a sentence, without quotes in 「」『』 and parenthesised notes. */
export function predicateOf(s: JaSentence): string {
  let core = s.core;
  // Brackets at the very end are a title or a quotation: the sentence has no predicate of its own.
  if (/[」』）)]$/.test(core)) return '';
  for (let i = 0; i < 3; i++) {
    const stripped = core.replace(PARTICLES, '');
    if (stripped === core || POLITE_END.test(core)) break;
    core = stripped;
  }
  return core;
}

export function isPlainForm(s: JaSentence): boolean {
  if (s.bullet) return false;
  // A sentence of its own: it ends in 。/！ (a line without one is a heading, a name or a list item).
  if (s.terminator === '' || s.terminator === '？' || s.terminator === '?') return false;
  const p = predicateOf(s);
  if (p.length < 3 || !HAS_VERB_KANA.test(p.slice(-1))) return false;
  if (POLITE_END.test(p) || NOT_PLAIN.test(p) || IMPERATIVE.test(p)) return false;
  if (/^(?:はじめまして|初めまして|ありがとう|おはよう|おめでとう)/u.test(p)) return false;
  return PLAIN_END.test(p);
}

export default defineRule({
  id: 'ja/plain-form',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Sentences in plain form (〜だ, 〜である, 〜した, 〜ない) instead of です・ます in a Japanese business email.',
    ja: 'ビジネスメールで、です・ます調ではなく常体（〜だ、〜である、〜した、〜ない）で終わる文。',
  },
  messages: {
    default: {
      en: 'Plain form: "{phrase}" ends without です・ます.',
      ja: '常体の文末: 「{phrase}」はです・ます調になっていません。',
    },
  },
  rationales: {
    default: {
      en: 'Mail to a partner outside the company is written in です・ます throughout; plain endings read as curt, or as orders to a subordinate.',
      ja: '社外の方へのメールは、すべてです・ます調で書くのが基本です。常体の文末は素っ気なく、部下への指示のようにも読めます。',
    },
  },
  advice: {
    en: 'End every sentence in です・ます: 送った → お送りしました, 判断している → 判断しております, できない → いたしかねます.',
    ja: 'すべての文をです・ます調で終えましょう（送った→お送りしました、判断している→判断しております、できない→いたしかねます）。',
  },
  check(doc) {
    if (docLanguage(doc) !== 'ja') return [];
    return perParagraph(doc, 'ja/plain-form', (sentences) =>
      sentences.filter(isPlainForm).map((s) => {
        const end = s.start + s.text.lastIndexOf(s.core) + s.core.length;
        return { start: s.start, end, data: { phrase: s.core.length > 30 ? `…${s.core.slice(-20)}` : s.core } };
      }),
    );
  },
  examples: {
    fire: [
      { text: 'お世話になっております。\n昨日、修正版の図面を送った。\nご確認をお願いいたします。', excerpt: '昨日、修正版の図面を送った' },
      { text: '耐久試験の結果を報告する。500時間の連続運転を実施した。', excerpt: '耐久試験の結果を報告する' },
      { text: 'これ以上の値上げは、弊社の販売価格に転嫁できない。' },
      { text: '現行仕様のまま量産に移行できると判断している。' },
      { text: '原因は設定の変更である。' },
    ],
    pass: [
      { text: 'お世話になっております。\n修正版の図面をお送りしました。\n寸法は変更しておりません。' },
      { text: '旧図面は使わないで。' },
      { text: '・出荷前のバーコード照合\n・棚札の色分け' },
      { text: 'はじめまして。アドブーストの中村と申します。' },
      { text: '記載のとおり、書名は『はじめての発酵料理』。' },
      { text: 'ご提出いただく書類は次のとおりです。\n\n・直近3期分の決算書\n・印鑑証明書（発行後3か月以内のもの）' },
      { text: '提出物はすべて揃っていること。' },
    ],
  },
});
