/**
 * ja/offer-in-person in Japanese wording: only a remote meeting (Zoom, Teams, オンライン, Web会議,
 * お電話) proposed in a first contact or in a draft that apologizes for a problem, with no offer to
 * visit or meet (伺います, ご訪問, お会いして, ご来社, 直接ご説明). Modern sector: info.
 */
import type { JapaneseWording } from './extend';
import { bodySentences, findAll, findProblem, hasApology } from './shared';

const REMOTE = /Zoom|ZOOM|zoom|Teams|Google Meet|Meet|Webex|Skype|オンライン|ウェブ会議|Web会議|WEB会議|web会議|ビデオ会議|ビデオ通話|テレビ会議|リモート|お電話|電話会議|電話で/gu;
const IN_PERSON = /伺|お邪魔|訪問|参上|参ります|まいります|ご来社|ご来訪|お越し|お会いし|お目にかか|対面|直接ご説明|直接お話|直接お会い|お持ちして|持参/u;

export const offerInPersonJa: JapaneseWording = {
  check(doc) {
    const sentences = bodySentences(doc);
    if (sentences.some((s) => IN_PERSON.test(s.text))) return [];
    const apology = hasApology(doc) && findProblem(doc) !== undefined;
    if (!doc.firstContact && !apology) return [];
    const remote = findAll(sentences, REMOTE)[0];
    if (!remote) return [];
    const modern = doc.sector === 'modern';
    return [
      {
        start: remote.start,
        end: remote.end,
        severity: modern ? 'info' : 'warning',
        messageId: doc.firstContact ? 'default' : 'apology',
        rationaleId: modern ? 'modern' : 'default',
        data: { phrase: remote.text },
        suggestion: {
          text: {
            en: 'Offer to visit too: 貴社に伺ってご説明することも可能です。',
            ja: '訪問の申し出も添えましょう（例: 「もちろん貴社に伺ってご説明することも可能です。」）。',
          },
        },
      },
    ];
  },
  examples: {
    fire: [
      { text: '初めてご連絡いたします。機能の詳細は、30分ほどのZoomでご説明いたします。', context: { firstContact: 'yes' }, excerpt: 'Zoom' },
      {
        text: '振込データの処理に遅延が発生し、誠に申し訳ございません。詳細はTeamsでのお打ち合わせにてご説明いたします。',
        context: { firstContact: 'no' },
        excerpt: 'Teams',
      },
      { text: 'はじめまして。来週30分ほどオンラインでお話しできればと思います。', context: { firstContact: 'yes', sector: 'modern' }, severity: 'info' },
    ],
    pass: [
      { text: '初めてご連絡いたします。30分ほどオンラインでお話しできればと考えておりますが、もちろん貴社に伺ってご説明することも可能です。', context: { firstContact: 'yes' } },
      { text: '次回の進捗会議は、前回と同様にZoomで開催いたします。', context: { firstContact: 'no' } },
      { text: '初めてご連絡いたします。一度貴学に伺い、弊社の課題をご説明させていただけますでしょうか。', context: { firstContact: 'yes' } },
    ],
  },
};
