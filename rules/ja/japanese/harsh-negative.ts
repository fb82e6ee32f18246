/**
 * ja/harsh-negative in Japanese wording: flat refusals and dismissals (できません, 無理です,
 * 違います, 対応しかねます, ありえません, 受け入れられません, 意味がありません, 当然のこと) without a
 * cushion word (恐れ入りますが, 大変申し訳ございませんが, 恐縮ですが, あいにく) in the sentence or the one
 * before; 〜べきでした aimed at the partner (〜いただくべきでした). Not the request 〜できませんでしょうか,
 * nor 〜べき about the writer's own tasks.
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, perParagraph } from './shared';

const REFUSAL =
  /(?:到底|とても|絶対に?|一切)?(?:受け入れられません|受け入れかねます|受け入れできません|応じられません|お受けできません|対応できません|対応しかねます|できません|できない|無理です|無理だ|不可能です|違います|間違っています|ありえません|あり得ません|ありえない|意味がありません|意味がない|理解できません|理解しかねます|納得できません|おかしいです|話になりません|論外です|当然(?:のこと|です|でしょう)|言うまでもなく)(?!でしょうか|か[。？?]|ので|が、|けれど)/gu;
const CUSHION = /恐れ入りますが|申し訳(?:ございません|ありません)が|恐縮(?:です|ではございます|ではありますが|ながら)|あいにく|残念ながら|心苦しい|大変申し訳|せっかく|ご期待に沿え|誠に勝手ながら/u;
/** 〜べきでした / 〜べきです with the partner as the actor (いただく, される, 御社, 貴社). */
const SHOULD_HAVE = /(?:いただく|される|なさる|くださる|貴社が|御社が|そちらが)べき(?:でした|です|だった|だ)/gu;

export const harshNegativeJa: JapaneseWording = {
  check(doc) {
    return perParagraph(doc, 'ja/harsh-negative', (sentences) => {
    const out: RuleReport[] = [];
    for (const m of findAll(sentences, REFUSAL)) {
      const i = sentences.indexOf(m.sentence);
      const prev = sentences[i - 1];
      if (CUSHION.test(m.sentence.text) || (prev && CUSHION.test(prev.text))) continue;
      const after = m.sentence.text.slice(m.end - m.sentence.start);
      // A plain できない / ない form is a refusal only where its clause ends ("転嫁できない。"),
      // not as a modifier ("登録できない原因").
      if (/ない$|だ$/u.test(m.text) && !/^(?:$|[。！、,]|です|でしょう|ので)/u.test(after)) continue;
      // できません alone reports a symptom ("ログインできません"); a refusal names what it refuses
      // with は / も ("お値下げはできません", "それもできません").
      if (/^できません|^できない/u.test(m.text)) {
        const clause = m.sentence.text.slice(0, m.start - m.sentence.start).split(/[、，,]/u).pop() ?? '';
        if (!/(?:は|も)$|(?:は|も)[^は]{0,3}$/u.test(clause)) continue;
      }
      out.push({ start: m.start, end: m.end, data: { phrase: m.text } });
    }
    for (const m of findAll(sentences, SHOULD_HAVE)) {
      const at = m.text.search(/(?:いただく|される|なさる|くださる|貴社が|御社が|そちらが)べき/u);
      out.push({ start: m.start + at, end: m.end, data: { phrase: m.text.slice(at) } });
    }
    return out.sort((a, b) => a.start! - b.start!);
    });
  },
  examples: {
    fire: [
      { text: 'ご提示の8%の値上げは、到底受け入れられません。', excerpt: '到底受け入れられません' },
      { text: '前提が違う数字同士を比べても意味がありません。', excerpt: '意味がありません' },
      { text: '設定を変更される前に、弊社にご相談いただくべきでした。', excerpt: 'いただくべきでした' },
      { text: '数値が異なるのは当然のことで、算出の前提が異なります。', excerpt: '当然のこと' },
    ],
    pass: [
      { text: '大変恐縮ではございますが、一律10%のお値下げはお受けいたしかねます。' },
      { text: '納期を1週間延ばしていただくことはできませんでしょうか。' },
      { text: '登録できない原因を調べております。' },
      { text: '弊社がもっと早く確認すべきでした。' },
    ],
  },
};
