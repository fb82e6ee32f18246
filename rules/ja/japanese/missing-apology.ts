/** ja/missing-apology in Japanese wording: 遅延 / 不具合 / 誤り / ミス … on the writer's side, no 申し訳 / お詫び. */
import type { JapaneseWording } from './extend';
import { findProblem, hasApology } from './shared';

export const missingApologyJa: JapaneseWording = {
  check(doc) {
    if (hasApology(doc)) return [];
    const problem = findProblem(doc);
    return problem ? [{ start: problem.start, end: problem.end, data: { phrase: problem.text } }] : [];
  },
  examples: {
    fire: [
      { text: 'お世話になっております。\n消費税の計算に誤りがございましたので、修正版をお送りします。', excerpt: '誤り' },
      { text: '出荷が11月21日（金）にずれ込む見込みとなりました。', excerpt: 'ずれ込' },
      { text: '部数を1,000部のところ10,000部で計算しておりました。' },
    ],
    pass: [
      { text: '出荷が遅れる見込みとなりました。大変申し訳ございません。' },
      { text: '通帳は翌週中に遅延なくお届けできる見込みでございます。' },
      { text: '最終テストでは、エラーは一件も発生しておりません。' },
      { text: 'ご迷惑をおかけしたのであれば申し訳ございません。部品の入荷に遅れがございました。' },
    ],
  },
};
