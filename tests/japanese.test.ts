/**
 * The Japanese parts of the engine (issue 15): the draft's language from the writer's own words,
 * quotes and signatures as Japanese mail writes them, Japanese sentences, the addressee block,
 * させていただく forms, and the edges (no segmenter, odd input, long input).
 */
import { describe, expect, it } from 'vitest';
import {
  addresseeLines,
  analyzeDraft,
  buildDoc,
  DEFAULT_CONTEXT,
  humbleFormOf,
  segmentWords,
  splitBody,
  splitJapaneseSentences,
  type Draft,
} from '../src/nemawashi';

const JA = { ...DEFAULT_CONTEXT, packs: ['common', 'ja'] as Array<'common' | 'ja'> };
const language = (draft: Draft) => analyzeDraft(draft, JA).facts.language;
const newWords = (body: string) =>
  splitBody(body)
    .segments.filter((s) => s.kind === 'new')
    .map((s) => body.slice(s.start, s.end))
    .join('');

describe('the language of the writer\'s words', () => {
  it('Japanese when most words are in Japanese script, English product names included', () => {
    expect(language({ body: 'お世話になっております。\nSalesforceとSlackの連携について、APIの仕様をお送りします。' })).toBe('ja');
  });
  it('English with a Japanese signature, or with a Japanese quoted message, stays English', () => {
    const body = 'Hi Ken,\n\nThanks for the update. The revised schedule works for us.\n\nBest regards,\n佐藤 花子\n株式会社クイルフェザー 営業部\nTEL：03-5555-0100';
    expect(language({ body })).toBe('en');
    const reply = 'Thanks, we will send the forecast on Friday.\n\n2026年11月20日(金) 10:12 田中 一郎 <tanaka@example.co.jp>:\n> お世話になっております。至急ご返信ください。\n> 予測をお送りいただけますでしょうか。';
    expect(language({ body: reply })).toBe('en');
  });
  it('Japanese with an English quoted message stays Japanese', () => {
    const body = 'お世話になっております。\n承知しました。金曜日までにお送りいたします。\n\nOn Fri, Nov 20, 2026 at 10:12 AM Ken Smith <ken@example.com> wrote:\n> Please send me the forecast ASAP. We need it today, no exceptions, thanks a lot.';
    expect(language({ body })).toBe('ja');
  });
  it('an empty draft is English (nothing to say it is Japanese)', () => {
    expect(language({ body: '' })).toBe('en');
  });
  it('segments words with Intl.Segmenter: 私立 is not 私', () => {
    const w = segmentWords('私立大学の私どもは');
    expect(w.words.map((x) => x.segment)).toContain('私立');
    expect(w.japanese).toBeGreaterThan(2);
  });
});

describe('Japanese quotes and signatures', () => {
  it.each([
    ['-----Original Message-----', '-----Original Message-----\nFrom: 村上 恵子\nSent: 2025年10月20日 17:48\n\n至急お願いします。'],
    ['-----元のメッセージ-----', '-----元のメッセージ-----\n差出人: 村上 恵子\n\n至急お願いします。'],
    ['〇〇様 wrote:', '村上様 wrote:\n至急お願いします。'],
    ['dated Gmail header', '2026年11月20日(金) 10:12 田中 <tanaka@example.co.jp>:\n至急お願いします。'],
    ['> lines', '> 至急お願いします。'],
    ['＞ lines', '＞ 至急お願いします。'],
  ])('%s starts a quote', (_, quote) => {
    const body = `お世話になっております。\n承知しました。\n\n${quote}`;
    expect(newWords(body)).not.toContain('至急');
  });
  it.each([
    ['━━━', '━━━━━━━━━━━━━━━━━━━━\n株式会社ミライデータ 法人営業部\n小野寺 亮\nTEL：03-6555-0142\n━━━━━━━━━━━━━━━━━━━━'],
    ['―――', '――――――――――――――――――――\n日本機材サービス株式会社\n営業二課　松本 大輔\nTEL：045-555-0187（直通）\n――――――――――――――――――――'],
    ['＿＿＿', '＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿\n東洋物産株式会社 化学品部 第二課\n新井 美咲\nTEL：03-5555-0412'],
    ['unframed', '池田 勝\n東和建設株式会社 工事部 工事課長\n携帯：090-5555-0845'],
  ])('a %s signature block after the last sentence is not the writer\'s words', (_, signature) => {
    // No sign-off line before it, so only the Japanese signature forms can find it.
    const body = `お世話になっております。\n資料をお送りいたします。\n\n${signature}\n`;
    const words = newWords(body);
    expect(words).toContain('資料をお送りいたします。');
    expect(words).not.toContain('TEL');
    expect(words).not.toContain('株式会社');
    expect(words).not.toContain('携帯');
  });
  it('a frame line in the middle of the text is not a signature', () => {
    const body = 'お世話になっております。\n\n━━━━━━━━━━━━━━━━━━━━\n【変更点】株式会社ミライデータ様の分の単価を見直しました。\n━━━━━━━━━━━━━━━━━━━━\n\nご確認のほど、よろしくお願いいたします。';
    expect(newWords(body)).toContain('単価を見直しました');
  });
});

describe('Japanese sentences and the addressee block', () => {
  it('ends sentences at 。！？ and at line ends, not at a line ending in 、', () => {
    const s = splitJapaneseSentences('お世話になっております。東西商事の森です！\n明日の打ち合わせは、\n13時に伺います\n資料は5部お持ちします。').map((x) => x.core);
    expect(s).toEqual(['お世話になっております', '東西商事の森です', '明日の打ち合わせは、\n13時に伺います', '資料は5部お持ちします']);
  });
  it('sets aside trailing laughs, tildes and emoji from the sentence core', () => {
    expect(splitJapaneseSentences('一番の収穫でした（笑）')[0]!.core).toBe('一番の収穫でした');
    expect(splitJapaneseSentences('ではでは〜')[0]!.core).toBe('ではでは');
  });
  it('finds the addressee lines before the greeting', () => {
    const doc = buildDoc({ body: '株式会社マルヤマ\n総務部 山下様\nいつもお世話になっております。\n\n書類をお送りします。' }, JA);
    expect(addresseeLines(doc.paragraphs).map((l) => l.text)).toEqual(['株式会社マルヤマ', '総務部 山下様']);
    const none = buildDoc({ body: 'お世話になっております。\n\n書類をお送りします。' }, JA);
    expect(addresseeLines(none.paragraphs)).toEqual([]);
  });
});

describe('させていただく as a class of forms', () => {
  it.each([
    ['させていただきます', 'いたします'],
    ['させていただきました', 'いたしました'],
    ['させて頂きます', 'いたします'],
    ['させていただいた', 'した'],
    ['させていただいて', 'して'],
    ['させていただきたく', 'いたしたく'],
  ])('%s → %s', (form, humble) => expect(humbleFormOf(form)).toBe(humble));
  it.each(['させていただけますでしょうか', 'させていただけないでしょうか', 'させて頂けますか'])('%s asks permission: no rewrite', (form) => {
    expect(humbleFormOf(form)).toBeUndefined();
  });
});

describe('edges', () => {
  it('never throws on odd Japanese input', () => {
    const odd = ['。。。。', '\u3000\u3000\n\n＞＞', '様様様御中御中', 'させてさせてさせて', '━'.repeat(2000), `${'ー'.repeat(2000)}x`, `${'あ'.repeat(500)}\n`.repeat(4), '（笑）（笑）（笑）😂😂'];
    for (const body of odd) expect(() => analyzeDraft({ body }, JA)).not.toThrow();
  });
});
