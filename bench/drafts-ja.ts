/**
 * Generated Japanese business drafts for the benchmark (issue 15): an addressee block, an
 * opening, paragraphs of two to four sentences drawn from a pool (some with the problems the
 * Japanese rules look for, most clean), a closing and a framed signature. Dates and figures vary
 * with the seed, so no two drafts share a paragraph and the engine's caches do not help.
 */
import { prng } from './drafts';

const SENTENCES = [
  '先日はお忙しいところ、お打ち合わせのお時間をいただき、誠にありがとうございました。',
  'ご依頼の見積書を添付いたしますので、ご査収のほどよろしくお願い申し上げます。',
  '納期につきましては、{m}月{d}日までに出荷できる見込みでございます。',
  '仕様書の第{n}章について、弊社の技術担当からご説明いたします。',
  '出荷前の検査記録を、{m}月{d}日付でお送りいたします。',
  'ご不明な点がございましたら、お気軽にお問い合わせください。',
  '貴社のご要望に沿えるよう、社内で検討を進めております。',
  '次回のお打ち合わせは、{m}月{d}日の{h}時からでいかがでしょうか。',
  '資料を共有させていただきます。',
  '了解しました。',
  '価格は前回と同じである。',
  '至急ご確認ください。',
  '試験の結果、摩耗は認められませんでした。',
  '弊社としては、現行の仕様のまま量産に移行できると考えております。',
  'サンプルを{n}個お持ちして、貴社に伺います。',
  '前回おっしゃられていた梱包の件も、メーカーに確認いたしました。',
  '部品の入荷に遅れが生じており、誠に申し訳ございません。',
  'お手数ですが、ご確認のほどよろしくお願いいたします。',
];

export function makeJapaneseDraft(chars: number, seed: number): string {
  const rand = prng(seed);
  const pick = (): string =>
    SENTENCES[Math.floor(rand() * SENTENCES.length)]!.replace('{m}', String(1 + Math.floor(rand() * 12)))
      .replace('{d}', String(1 + Math.floor(rand() * 28)))
      .replace('{h}', String(9 + Math.floor(rand() * 8)))
      .replace('{n}', String(1 + Math.floor(rand() * 900)));
  const parts = ['株式会社さくら信託 システム部', '田中 健二様', '', 'いつもお世話になっております。', 'ブライトライン・アナリティクスのウェーバーでございます。', ''];
  let length = parts.join('\n').length;
  while (length < chars - 120) {
    const n = 2 + Math.floor(rand() * 3);
    const paragraph = Array.from({ length: n }, pick).join('\n');
    parts.push(paragraph, '');
    length += paragraph.length + 2;
  }
  parts.push('引き続きよろしくお願いいたします。', '', '━━━━━━━━━━━━━━━━━━━━', 'ブライトライン・アナリティクス株式会社 営業部', 'ダニエル・ウェーバー', 'TEL：03-5555-0100', '━━━━━━━━━━━━━━━━━━━━');
  return parts.join('\n');
}

const KANA = 'あいうえおかきくけこさしすせそ';

/** The benches' Japanese keystroke: edit `i` inserts one kana at the end of a line `rand` picks. */
export function editOneKana(body: string, rand: () => number, i: number): string {
  const lines: number[] = [];
  for (let k = body.indexOf('\n', 120); k !== -1 && k < body.length - 200; k = body.indexOf('\n', k + 1)) lines.push(k);
  const at = lines[Math.floor(rand() * lines.length)]! - 1;
  return body.slice(0, at) + KANA[i % KANA.length] + body.slice(at);
}
