/**
 * ja/humor in Japanese wording: (笑), 笑 and w / www at the end of a Japanese sentence, 草 as a
 * laugh, 爆笑, laughing emoji. Not 800W or kW (after a digit), 草刈り, 草案, 笑顔 (other words).
 * Severity as in English: west info in a light mail, warning in the east and whenever the mail
 * apologizes or reports a problem.
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, findProblem, hasApology, perParagraph } from './shared';

/** A laugh after Japanese text: （笑）, 笑, w+, ｗ+, 草, 爆笑 where the sentence ends. */
const LAUGH_END = /(?<=[\u3040-\u30ff\u4e00-\u9fff！!。、])(?:[（(]笑[）)]|[（(]爆笑[）)]|爆笑|笑|[wｗ]{1,5}|草)(?=$|[。！!？?\s〜～ー]|[（(]笑)/gu;
const LAUGH_EMOJI = /[😂🤣😆😅😁😄😹😸😜😝😛🤪]|\u263a\ufe0f?/gu;

export const humorJa: JapaneseWording = {
  check(doc) {
    const markers = perParagraph(doc, 'ja/humor:markers', (sentences) =>
      [...findAll(sentences, LAUGH_END), ...findAll(sentences, LAUGH_EMOJI)].map((m) => ({ start: m.start, end: m.end, text: m.text })),
    );
    if (markers.length === 0) return [];
    const serious = hasApology(doc) || findProblem(doc) !== undefined;
    const kind = serious ? 'problem' : doc.region === 'west' ? 'west' : 'default';
    return markers
      .sort((a, b) => a.start - b.start)
      .map(
        (m): RuleReport => ({
          start: m.start,
          end: m.end,
          severity: kind === 'west' ? 'info' : 'warning',
          messageId: kind,
          rationaleId: kind,
          data: { phrase: m.text },
        }),
      );
  },
  examples: {
    fire: [
      { text: '二次会のカラオケが一番の収穫でした（笑）', excerpt: '（笑）' },
      { text: 'ゼロがひとつ多かったみたいです笑\n修正版を添付しました。', excerpt: '笑' },
      { text: 'ルールは今から練習しておきます😆', context: { region: 'west' }, severity: 'info' },
      { text: 'それは草' },
    ],
    pass: [
      { text: '定格出力は800Wです。' },
      { text: '草刈り機の草案をお送りします。' },
      { text: '皆様の笑顔が印象的でした。' },
    ],
  },
};
