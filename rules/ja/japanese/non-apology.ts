/**
 * ja/non-apology in Japanese wording: a conditional apology (〜のであれば / 〜たなら / 〜としたら /
 * 〜でしたら + 申し訳 / お詫び / すみません), and 申し訳ございませんが followed, in the same sentence,
 * by a denial of the writer's responsibility. As a cushion before a request it is polite.
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, findChain, perParagraph } from './shared';

const CONDITIONAL = /(?:のであれば|であれば|のでしたら|でしたら|たのなら|たなら|だなら|のなら|としたら|とすれば|たとしたら|ようでしたら)[、,]?\s?(?:大変|誠に|本当に)?(?:申し訳|お詫び|すみません|すいません|ごめんなさい)[^、。]{0,12}/gu;
/** 申し訳ございませんが, then within 40 characters a denial of responsibility (findChain). */
const BUT_DENIAL = [/申し訳(?:ございません|ありません)が[、,]?/gu, /(?:責任では|問題では|過失では|せいでは|ミスでは|不具合では)(?:ございません|ありません|ない)/u];

export const nonApologyJa: JapaneseWording = {
  check(doc) {
    return perParagraph(doc, 'ja/non-apology', (sentences) => {
    const out: RuleReport[] = [];
    for (const m of findAll(sentences, CONDITIONAL)) out.push({ start: m.start, end: m.end, messageId: 'conditional', data: { phrase: m.text } });
    for (const m of findChain(sentences, BUT_DENIAL, [40])) out.push({ start: m.start, end: m.end, messageId: 'but', data: { phrase: m.text } });
    return out;
    });
  },
  examples: {
    fire: [
      { text: 'ご不快な思いをされたのであれば申し訳ございません。', excerpt: 'のであれば申し訳ございません' },
      { text: '直前のお願いとなってしまい、ご迷惑をおかけしたならすみません。' },
      { text: '説明が分かりにくかったのであれば申し訳ございません。' },
    ],
    pass: [
      { text: '申し訳ございませんが、会場内での火気の使用はご遠慮いただいております。' },
      { text: 'このたびは誠に申し訳ございませんでした。' },
      { text: 'ご都合が悪いようでしたら、お知らせください。' },
    ],
  },
};
