import { defineRule, definePhrases } from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { nonApologyJa } from './japanese/non-apology';

/**
 * Apologies that take themselves back: conditional ("sorry if"), aimed at the reader's feelings
 * rather than at what happened ("sorry you feel that way"), or followed by a rebuttal ("sorry,
 * but"). Each form of sorry / apologize / apology / regret is listed, because the class is the
 * construction, not the word.
 */
export const NON_APOLOGY_PHRASES = definePhrases([
  { pattern: 'sorry if|whether', tag: 'conditional' },
  { pattern: 'sorry (that|if) you (feel|felt|see|saw|think|thought|believe|perceive|perceived|view|viewed|took|take|read|were|are|have|had|found|find|got)', tag: 'feelings' },
  { pattern: 'sorry you (feel|felt|see|saw|think|thought|believe|perceive|perceived|view|viewed|took|take|read|were|are|found|find|got)', tag: 'feelings' },
  { pattern: 'sorry (that|if) (this|it|that|my|our) (came|comes|come) (across|off)', tag: 'conditional' },
  { pattern: 'sorry for any (confusion|misunderstanding|offense|offence|hurt|upset) (this|that|it) (may|might|could) (have|cause|caused)', tag: 'conditional' },
  { pattern: 'apologize|apologise|apologizes|apologises if|whether', tag: 'conditional' },
  { pattern: 'apologies|apology if|whether', tag: 'conditional' },
  { pattern: 'regret if|whether', tag: 'conditional' },
  { pattern: 'sorry [,] but|however', tag: 'but' },
  { pattern: 'apologies [,] but|however', tag: 'but' },
  { pattern: '(apologize|apologise) [,] but|however', tag: 'but' },
  { pattern: "sorry [,] that's|it's just how", tag: 'but' },
  { pattern: 'sorry that you feel|felt that way', tag: 'feelings' },
  { pattern: 'sorry to hear you feel|felt that way', tag: 'feelings' },
  { pattern: 'sorry [that] you were|are|feel|felt offended|upset|disappointed|unhappy', tag: 'feelings' },
]);

const english = defineRule({
  id: 'ja/non-apology',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Conditional or deflecting apologies ("sorry if...", "sorry you feel...", "sorry, but...").',
    ja: '条件付き・責任回避の謝罪（"sorry if..."、"sorry you feel..."、"sorry, but..."）。',
  },
  messages: {
    default: {
      en: '"{phrase}" is an apology that takes itself back.',
      ja: '「{phrase}」は謝罪を打ち消してしまう表現です。',
    },
    conditional: {
      en: '"{phrase}" makes the apology conditional.',
      ja: '「{phrase}」は条件付きの謝罪になっています。',
    },
    feelings: {
      en: '"{phrase}" apologizes for the reader\'s feelings, not for what happened.',
      ja: '「{phrase}」は起きたことではなく、相手の受け止め方に対して謝っています。',
    },
    but: {
      en: '"{phrase}": the "but" cancels the apology.',
      ja: '「{phrase}」: "but" が謝罪を打ち消しています。',
    },
  },
  rationales: {
    default: {
      en: 'In Japan an apology is expected to be unconditional and specific; a conditional or "but" apology reads as insincere and as refusing responsibility, which hurts more than no apology.',
      ja: '日本では謝罪は無条件かつ具体的であることが求められます。条件付きや「but」で続く謝罪は誠意がなく責任逃れと受け取られ、謝らないよりも印象を悪くします。',
    },
  },
  advice: {
    en: 'Apologize without conditions and name what happened: "We are very sorry for the delay." Explain separately, after the apology.',
    ja: '条件を付けずに、何について謝るのかを明確にしましょう（例: "We are very sorry for the delay."）。説明は謝罪の後で別に述べます。',
  },
  check(doc) {
    return doc.match(NON_APOLOGY_PHRASES).map((m) => {
      const phrase = doc.body.slice(m.start, m.end);
      return {
        start: m.start,
        end: m.end,
        messageId: m.entry.tag ?? 'default',
        data: { phrase },
        suggestion: {
          text: {
            en: 'Make it unconditional and specific: "We are very sorry for <what happened>." Then explain, as a separate sentence.',
            ja: '無条件で具体的な謝罪にしましょう（"We are very sorry for <起きたこと>."）。説明は別の文で続けます。',
          },
        },
      };
    });
  },
  examples: {
    fire: [
      { text: 'I am sorry if you were offended by my last email.', excerpt: 'sorry if you were' },
      { text: "I'm sorry you feel that way about our proposal.", excerpt: 'sorry you feel' },
      { text: 'Sorry, but the charges came from the terminal, not from us.', excerpt: 'Sorry, but' },
      { text: 'I apologize if there was any confusion.', excerpt: 'apologize if' },
      { text: 'Sorry if this comes across as blunt, but the data is skewed.', excerpt: 'Sorry if this comes across' },
      { text: "I'm sorry you see our proposal as one-sided.", excerpt: 'sorry you see' },
      { text: 'Our apologies, however the fee stands.', excerpt: 'apologies, however' },
    ],
    pass: [
      { text: 'We are very sorry for the delay.' },
      { text: 'We sincerely apologize for the wrong shipment; replacements leave today.' },
      { text: 'I am sorry to hear that your team was ill last week.' },
      { text: 'We are sorry that the vessel arrived three days later than planned.' },
      { text: 'We regret the error and have corrected the invoice.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/non-apology.ts) runs instead.
export default withJapanese(english, nonApologyJa);
