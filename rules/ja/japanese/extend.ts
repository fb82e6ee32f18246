/**
 * The `ja` rules in Japanese wording (RULES.md, "Drafts written in Japanese"). Each existing rule
 * keeps its English check untouched; `withJapanese` adds a Japanese branch that runs instead of
 * it (or beside it, for rules that also read attachments) when the writer's words are Japanese.
 * The Japanese examples run with the rule's own examples (tests/rules.test.ts).
 */
import { defineRule, docLanguage, type AnalysisContext, type Localized, type Rule, type RuleDoc, type RuleExample, type RuleReport } from '../../../src/engine';

export interface JapaneseWording {
  check(doc: RuleDoc, ctx: AnalysisContext): RuleReport[];
  /** Keep the English check too (attachment names, Latin words such as Zoom or NDA). */
  keepEnglish?: boolean;
  messages?: Record<string, Localized>;
  rationales?: Record<string, Localized>;
  examples: { fire: RuleExample[]; pass: RuleExample[] };
}

const overlaps = (a: RuleReport, b: RuleReport): boolean =>
  a.start !== undefined && b.start !== undefined && a.end !== undefined && b.end !== undefined
    ? a.start < b.end && b.start < a.end
    : (a.target ?? 'draft') === (b.target ?? 'draft') && a.attachmentIndex === b.attachmentIndex && a.start === undefined && b.start === undefined;

export function withJapanese(rule: Rule, ja: JapaneseWording): Rule {
  return defineRule({
    ...rule,
    messages: { ...rule.messages, ...ja.messages },
    rationales: { ...rule.rationales, ...ja.rationales },
    check(doc, ctx) {
      if (docLanguage(doc) !== 'ja') return rule.check(doc, ctx);
      const japanese = ja.check(doc, ctx);
      if (!ja.keepEnglish) return japanese;
      const english = rule.check(doc, ctx);
      return [...english, ...japanese.filter((r) => !english.some((e) => overlaps(e, r)))];
    },
    examples: {
      fire: [...rule.examples.fire, ...ja.examples.fire],
      pass: [...rule.examples.pass, ...ja.examples.pass],
    },
  });
}
