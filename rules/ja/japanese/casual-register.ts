/**
 * ja/casual-register in Japanese wording: どうもー, ではでは, じゃ、また, ほな、また, よろしくです,
 * elongated おはようございまーす / 失礼しまーす, at the start or the end of the writer's words.
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { bodySentences, findAll } from './shared';

/**
 * Casual greetings and sign-offs, as three small regexes tried in turn (and the elongated endings
 * read by findElongated): one alternation of all of
 * them is too large for recheck to clear in time, which made the regex-safety test flaky.
 */
const CASUAL = [
  /どうも[ー〜～]+|どーも|ども[ー〜～]+|^ども[！!。]|ではでは[ー〜～]*|^またね|ちわっす|ちわー/gu,
  /^(?:では|じゃ|じゃあ|ほな|それでは|それじゃ)[、,]?また[ー〜～]*(?:[！!。]|$)/gu,
  /よろしくです|よろです|よろしく[ー〜～]+|お疲れ(?:ー|っす|さまー)/gu,
];
const KANA = /[ぁ-んァ-ン]/u;
const LONG_MARK = /[ー〜～]/u;

/**
 * Elongated polite endings, "おはようございまーす。", "失礼しまーす！": a kana, a run of long marks,
 * then す at the end of the sentence or before 。！!. Read with one pass over each sentence (the
 * regex form needs a lookahead recheck cannot clear).
 */
function findElongated(sentences: ReturnType<typeof bodySentences>): Array<{ start: number; end: number; sentence: (typeof sentences)[number]; text: string }> {
  const out: Array<{ start: number; end: number; sentence: (typeof sentences)[number]; text: string }> = [];
  for (const s of sentences) {
    const t = s.text;
    for (let i = 1; i < t.length; i++) {
      if (!KANA.test(t[i - 1]!) || !LONG_MARK.test(t[i]!)) continue;
      let k = i;
      while (k < t.length && LONG_MARK.test(t[k]!)) k++;
      const after = t[k + 1];
      if (t[k] === 'す' && (after === undefined || after === '。' || after === '！' || after === '!')) out.push({ start: s.start + i - 1, end: s.start + k + 1, sentence: s, text: t.slice(i - 1, k + 1) });
      i = k;
    }
  }
  return out;
}
/** How many sentences count as the start and as the end. */
const EDGE = 2;
const END_EDGE = 3;

export const casualRegisterJa: JapaneseWording = {
  check(doc) {
    const sentences = bodySentences(doc);
    const edge = [...sentences.slice(0, EDGE), ...sentences.slice(Math.max(EDGE, sentences.length - END_EDGE))];
    const out: RuleReport[] = [];
    const found = [...CASUAL.flatMap((re) => findAll(edge, re)), ...findElongated(edge)].sort((a, b) => a.start - b.start);
    for (const m of found) {
      const atStart = sentences.indexOf(m.sentence) < EDGE;
      out.push({ start: m.start, end: m.end, messageId: atStart ? 'greeting' : 'signOff', data: { phrase: m.text } });
    }
    return out;
  },
  examples: {
    fire: [
      { text: 'どうもー！クラウドネストの山田です！！\nいつもお世話になっております。', excerpt: 'どうもー' },
      { text: 'お世話になっております。\n日程の件です。\nよろしくお願いします。ではでは〜', excerpt: 'ではでは〜' },
      { text: 'お世話になっております。\n展示会ではありがとうございました。\nまた打ち上げでもやりましょう！ではまた！', excerpt: 'ではまた！' },
      { text: 'おはようございまーす。\n資料の件です。' },
    ],
    pass: [
      { text: 'いつもお世話になっております。\n資料をお送りします。\n\nよろしくお願いいたします。' },
      { text: 'お世話になっております。\nでは、また改めてご連絡いたします。' },
      { text: 'どうもありがとうございました。' },
    ],
  },
};
