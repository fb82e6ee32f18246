import {
  defineRule,
  definePhrases,
  isInfinitiveVerb,
  isQuoted,
  startsWithImperative,
  type RuleDoc,
  type RuleReport,
  type Sentence,
  type Token,
} from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { bluntImperativeJa } from './japanese/blunt-imperative';

/**
 * Fixed courtesy formulas that are imperative in form but not orders: "Let me know", "See you
 * on Monday", "Please find attached" (softened anyway), "Allow me to introduce myself", thanks,
 * wishes, invitations and offers of help. Matched at the start of a sentence only.
 */
export const COURTESY_IMPERATIVES = definePhrases([
  'let me|us know',
  'let me|us',
  'see you|attached|below|above|enclosed',
  'thank|thanks',
  'allow|permit me|us',
  'find attached|enclosed',
  'have a|an|fun',
  'enjoy',
  'take care',
  'feel free',
  'rest assured',
  'be assured',
  "(don't|do not) get me|us wrong",
  'keep up the good work',
  'keep me|us posted|informed|updated',
  'congratulations|congrats',
  'welcome',
  'wish|hope',
  'say hello|hi',
  'give my|our regards|best',
  'excuse|pardon|forgive me|us',
  'bear with me|us',
  'stay safe|well|tuned|warm|dry|healthy',
  'get well',
  'good luck',
  'talk|speak soon|to you',
  'join us|me',
  'come visit|see',
  'count on us|me',
  'consider it done',
  'make yourself at home',
  'look forward',
  'count me|us in',
  'happy holidays|birthday|new year|thanksgiving|anniversary',
  'merry christmas',
  'sleep well',
  'safe travels',
  'regards',
]);

/** First words that cannot start a bare imperative; they spare the tagger most sentences. */
const NON_IMPERATIVE_STARTERS = new Set([
  'i', 'we', 'you', 'he', 'she', 'it', 'they', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'our', 'my', 'your',
  'his', 'her', 'their', 'its', 'there', 'here', 'please', 'kindly', 'hi', 'hello', 'dear', 'hey', 'if', 'when', 'once',
  'after', 'before', 'as', 'since', 'because', 'while', 'although', 'though', 'for', 'in', 'on', 'at', 'with', 'by',
  'to', 'from', 'of', 'about', 'regarding', 're', 'best', 'kind', 'warm', 'sincerely', 'yes', 'no', 'ok', 'okay',
  'sorry', 'unfortunately', 'fortunately', 'what', 'which', 'who', 'where', 'why', 'how', 'is', 'are', 'was', 'were',
  'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'shall', 'does', 'did', 'has', 'had', 'all',
  'some', 'any', 'each', 'every', 'both', 'many', 'much', 'more', 'most', 'one', 'not', 'only', 'very', 'really',
  'great', 'good', 'nice', 'glad', 'happy', 'looking', 'attached', 'enclosed', 'below', 'above', 'following', 'today',
  'tomorrow', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mr', 'ms', 'mrs', 'dr', "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", "you're", "you've",
  "it's", "that's", "there's", "here's", 'cheers', 'thx', 'yours', 'p.s', 'ps', 'fyi', 'btw', 'per', 'unless', 'also',
  'then', 'now', 'so', 'and', 'but', 'or', 'just', 'simply', 'first', 'finally', 'next', 'meanwhile', 'additionally',
  'otherwise', 'instead', 'again', 'lastly', 'plus', 'however', 'therefore', 'hopefully', 'apparently', 'currently',
  // Prepositions and participles that open a phrase, not a command.
  'despite', 'during', 'given', 'without', 'within', 'under', 'over', 'into', 'through', 'throughout', 'upon',
  'like', 'unlike', 'except', 'besides', 'beyond', 'against', 'among', 'between', 'around', 'across', 'toward',
  'towards', 'behind', 'due', 'according', 'based', 'including', 'regardless', 'whether', 'whatever', 'whenever',
  // Subjectless asides, not commands: "Guess our servers needed a break", "Bet you are busy".
  'guess', 'suppose', 'reckon', 'bet', 'figure', 'figured', 'imagine', 'seems', 'looks', 'sounds',
  // "(It's) worth noting that…": an adjective with its "it's" left out.
  'worth',
  // The writer's own state with the "I" left out: "Need a direction.", "Hope this helps", "Wonder if…".
  'need', 'needs', 'hope', 'hoping', 'wonder', 'wondering', 'agree', 'wish', 'thought',
]);
/** After "don't", verbs that leave out the writer's "I" ("Don't know why…", "Don't think so"), not commands. */
const DROPPED_I_AFTER_DONT = new Set(['know', 'think', 'see', 'understand', 'recall', 'remember', 'care', 'believe']);
/** "Think this is off-topic": "think" before a clause is the writer's opinion; "Think about it" is a command. */
const CLAUSE_AFTER_THINK = new Set(['this', 'that', 'it', 'so', 'there', 'we', 'you', 'i', 'he', 'she', 'they', 'the', "it's", "that's", "there's", 'not']);
/** Discourse words that may precede the verb: "Also, send me...", "Then call me". */
const LEAD_INS = new Set([
  'also', 'then', 'now', 'so', 'and', 'but', 'just', 'simply', 'first', 'finally', 'next', 'meanwhile', 'additionally',
  'otherwise', 'instead', 'again', 'lastly', 'plus', 'secondly', 'thirdly', 'ok', 'okay',
]);
/** Subordinate openers: the imperative, if any, comes after the comma ("When it arrives, send..."). */
const SUBORDINATORS = new Set(['if', 'when', 'once', 'after', 'before', 'as', 'since', 'while', 'until']);
/** Words that make the sentence a request rather than an order. */
const SOFTENERS = new Set(['please', 'kindly', 'pls', 'plz', 'could', 'would', 'grateful', 'appreciate', 'appreciated', 'convenience']);
/** Negative imperatives that reassure rather than forbid. */
const REASSURING_AFTER_DONT = new Set(['hesitate', 'worry', 'mind', 'be']);
/** Re-/pre-/un- verbs the tagger reads as nouns ("Rerun the assay"). */
const VERB_PREFIX = /^(?:re|pre|un|de|co|over|under|out|up|down|dis|mis)-?(?=[a-z]{3,})/;
/** Words the tagger, alone, reads as nouns or adjectives although they open many commands. */
const AMBIGUOUS_VERBS = new Set(['email', 'e-mail', 'mail', 'complete', 'correct', 'text', 'message', 'ping', 'fax', 'phone', 'finalize', 'finalise', 'double-check', 'cc', 'bcc']);
const OBJECT_STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'them', 'me', 'us', 'him', 'her', 'my', 'our', 'your',
  'all', 'both', 'each', 'every', 'any', 'some',
]);
/**
 * What follows a base verb that opens a command: an object, a particle or a preposition
 * ("Come by anytime", "Keep in mind", "Bring them"). The tagger's own "Imperative" reading is
 * unsteady on short or cut sentences; a base verb first in its sentence with one of these after it
 * reads as a command to anyone.
 */
const AFTER_COMMAND_VERB = new Set([
  ...OBJECT_STARTERS, 'you', 'everyone', 'everything', 'something', 'anything', 'by', 'in', 'up', 'out', 'off',
  'on', 'over', 'back', 'down', 'to', 'for', 'with', 'at', 'into', 'ahead', 'away', 'around', 'through',
]);
/** Verbs that, first in a sentence, open a command even without an object ("Remember to …", "Note that …"). */
const INSTRUCTION_OPENERS = definePhrases([
  'keep|bear in mind',
  'note that',
  'make sure',
  'be sure',
  'remember to',
  'do be sure',
  "don't forget",
  'do not forget',
]);
/** Verbs that contact someone: "Call me if you have questions" is an offer of help, not an order. */
const CONTACT_VERBS = new Set(['call', 'email', 'e-mail', 'mail', 'contact', 'reach', 'ping', 'write', 'ask', 'give', 'phone', 'text', 'drop', 'shoot', 'let', 'holler', 'buzz']);
const CONTACT_NOUNS = new Set(['note', 'line', 'message', 'email', 'e-mail', 'word', 'text']);
/** "Do you see…", "Have you…": a question without its question mark, not a command. */
const AUXILIARIES = new Set(['do', 'have', 'be', 'need', 'dare']);
const COLON_PREPOSITIONS = new Set(['to', 'at', 'by', 'for', 'from', 'with']);
/** Modals a coordinated verb may hang on ("you can list them and sum them"). */
const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'must', 'may', 'might', 'shall', "can't", 'cannot', "won't", "you'll", "you'd", "they'll"]);
/** Subject pronouns: "Remember, I had a witness" is a discourse marker before a statement. */
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'this', 'that', 'there']);

interface Imperative {
  /** Index of the verb (or of "do"/"don't"/"never") among the sentence's tokens. */
  at: number;
  negative: boolean;
  /** For a command in a later clause, the index of the boundary that opens that clause. */
  clause?: number;
}

function wordIndexAfter(tokens: readonly Token[], i: number): number {
  let k = i;
  while (k < tokens.length && !tokens[k]!.isWord) k++;
  return k;
}

/** Lower-cases words in capitals ("DO NOT") so the tagger reads them as words, not acronyms. */
function forTagger(tokens: readonly Token[], from: number): string {
  const words = tokens.slice(from, from + 8).map((t) => (/^[A-Z]{2,}$/.test(t.text) ? t.text.toLowerCase() : t.text));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'can', 'may', 'should', 'must']);

/**
 * "Lead retrieval scanners are $350": a finite verb within the next three words, before any
 * determiner or pronoun, means the first word began a noun phrase (the tagger can read such a
 * word as an imperative). "Check the totals are right" keeps its determiner first.
 */
function startsWithNounPhraseSubject(toks: readonly Token[], i: number): boolean {
  for (let k = i + 1; k <= i + 4 && k < toks.length; k++) {
    const w = toks[k]!.norm;
    if (!toks[k]!.isWord || OBJECT_STARTERS.has(w)) return false;
    if (FINITE.has(w)) return true;
    // "Total East deliveries averaged 479": a past-tense verb after a noun or two.
    if (k >= i + 2 && /^[a-z]{3,}ed$/.test(w) && /^\p{Lu}|s$/u.test(toks[k - 1]!.text)) return true;
  }
  return false;
}

/**
 * "Assume the list is sorted.", "Consider these figures to be the plan.": a verb of supposition
 * that sets up a premise, as "Suppose…" does, not a task for the reader ("Assume responsibility
 * for it", "Consider adding a picture" stay commands). A clause after "assume" (a finite verb
 * within six words, or "that"), or "to be" / "as" after "consider"'s object.
 */
function isSupposition(toks: readonly Token[], i: number): boolean {
  const w = toks[i]!.norm;
  if (w !== 'assume' && w !== 'presume' && w !== 'consider') return false;
  for (let k = i + 1; k < toks.length && k <= i + 6; k++) {
    const x = toks[k]!.norm;
    if (!toks[k]!.isWord) return false;
    if (w === 'consider') {
      if (k > i + 1 && (x === 'as' || (x === 'to' && toks[k + 1]?.norm === 'be'))) return true;
    } else if ((k === i + 1 && x === 'that') || (k > i + 1 && FINITE.has(x)) || (k > i + 2 && isInflectedVerb(x))) return true;
    // "Assume responsibility for the missing crates": an object and its preposition, no clause.
    else if (PREPOSITIONS.has(x)) return false;
  }
  return false;
}

const PREPOSITIONS = new Set(['for', 'of', 'to', 'in', 'on', 'with', 'at', 'by', 'from', 'about', 'into', 'over', 'under']);

/** "weighs", "arrives", "shipped": a base verb with its -s, -es or -ed (the subject's verb after "Assume the crate"). */
function isInflectedVerb(w: string): boolean {
  if (w.endsWith('ss') || w.length < 4) return false;
  if (w.endsWith('s') && isInfinitiveVerb(w.slice(0, -1))) return true;
  if (w.endsWith('es') && isInfinitiveVerb(w.slice(0, -2))) return true;
  return w.endsWith('ed') && (isInfinitiveVerb(w.slice(0, -2)) || isInfinitiveVerb(w.slice(0, -1)));
}

function isCourtesyAt(doc: RuleDoc, s: Sentence, tokenStart: number): boolean {
  return doc.matchSentence(COURTESY_IMPERATIVES, s).some((m) => m.start === tokenStart);
}

/** Finds a bare imperative at the start of the sentence (or of its main clause). */
function findImperative(doc: RuleDoc, s: Sentence): Imperative | undefined {
  const toks = s.tokens;
  let i = wordIndexAfter(toks, 0);
  // Skip lead-ins ("Also,", "Then"), a greeting or a name the sentence is addressed to ("Hi Jeff,",
  // "Jeff,") and a subordinate clause up to its comma.
  for (let guard = 0; guard < 4 && i < toks.length; guard++) {
    const w = toks[i]!.norm;
    const greet = w === 'hi' || w === 'hello' || w === 'hey' || w === 'ok' || w === 'okay';
    const nameComma = (k: number): number => {
      // One or two capitalised words then a comma: "Jeff,", "Mary Ann,".
      let j = k;
      while (j < toks.length && j - k < 2 && toks[j]!.isWord && /^\p{Lu}/u.test(toks[j]!.text)) j++;
      return j > k && toks[j]?.text === ',' ? j : -1;
    };
    if (greet) {
      const c = toks[i + 1]?.text === ',' ? i + 1 : nameComma(i + 1);
      if (c === -1) return undefined;
      i = wordIndexAfter(toks, c + 1);
      continue;
    }
    const vocative = nameComma(i);
    if (vocative !== -1 && !isInfinitiveVerb(w)) {
      i = wordIndexAfter(toks, vocative + 1);
      continue;
    }
    if (LEAD_INS.has(w)) {
      i = wordIndexAfter(toks, i + 1);
      continue;
    }
    if (SUBORDINATORS.has(w)) {
      const comma = toks.findIndex((t, k) => k > i && t.norm === ',');
      if (comma === -1) return undefined;
      i = wordIndexAfter(toks, comma + 1);
      continue;
    }
    break;
  }
  const first = toks[i];
  if (!first) return undefined;
  const w = first.norm;
  const next = toks[i + 1]?.norm ?? '';
  if ((w === 'do' && next === 'not') || w === "don't" || w === 'never') {
    const verb = toks[i + (w === 'do' ? 2 : 1)]?.norm ?? '';
    if (REASSURING_AFTER_DONT.has(verb) || verb === '' || (w === 'never' && verb === 'mind')) return undefined;
    if (w !== 'never' && i === wordIndexAfter(toks, 0) && DROPPED_I_AFTER_DONT.has(verb)) return undefined;
    if (isCourtesyAt(doc, s, first.start)) return undefined;
    return { at: i, negative: true };
  }
  if ((w === 'do' && next === 'be') || doc.matchSentence(INSTRUCTION_OPENERS, s).some((m) => m.start === first.start)) return { at: i, negative: false };
  if (NON_IMPERATIVE_STARTERS.has(w) || !/^[a-z][a-z-]*$/.test(w)) return undefined;
  if (w === 'think' && CLAUSE_AFTER_THINK.has(next)) return undefined;
  if (isSupposition(toks, i)) return undefined;
  // "Remember, I had a witness": a verb used as a discourse marker before a statement.
  if (toks[i + 1]?.text === ',' && SUBJECTS.has(toks[i + 2]?.norm ?? '')) return undefined;
  // "Schedule A, all hospitals", "Exhibit 3": a noun with a letter or number is a name, not a command.
  if (/^(?:[A-Z]|\d[\w.-]*)$/.test(toks[i + 1]?.text ?? '') && (toks[i + 2] === undefined || !toks[i + 2]!.isWord)) return undefined;
  if (toks.slice(i).filter((t) => t.isWord).length < 2) return undefined;
  if (isCourtesyAt(doc, s, first.start)) return undefined;
  if (startsWithNounPhraseSubject(toks, i)) return undefined;
  // "Send the samples to:" before an address block: an instruction that ends on its preposition,
  // which the tagger reads as a fragment.
  const lastTok = toks[toks.length - 1];
  // "Update on the project:", "Review of the terms:": a title before a colon, not a command.
  if (lastTok?.text === ':' && (next === 'on' || next === 'of' || next === 'about' || next === 'regarding')) return undefined;
  if (lastTok?.text === ':' && toks.length - i >= 4 && COLON_PREPOSITIONS.has(toks[toks.length - 2]!.norm) && isInfinitiveVerb(w)) return { at: i, negative: false };
  // Cheap gate first: the first word alone must read as a base-form verb (tagged once per distinct
  // word and cached), so "Sales increased..." never costs a sentence tagging.
  const lastPart = w.includes('-') ? w.slice(w.lastIndexOf('-') + 1) : w;
  if (isInfinitiveVerb(w) || AMBIGUOUS_VERBS.has(w) || (lastPart !== w && isInfinitiveVerb(lastPart))) {
    if (startsWithImperative(forTagger(toks, i))) return { at: i, negative: false };
    if (AFTER_COMMAND_VERB.has(next) && !AUXILIARIES.has(w) && isInfinitiveVerb(w)) return { at: i, negative: false };
    // "Double-check the dates", "Email me the list": a verb-like word followed by its object.
    if (AMBIGUOUS_VERBS.has(w) || lastPart !== w) return OBJECT_STARTERS.has(next) ? { at: i, negative: false } : undefined;
    return undefined;
  }
  // The tagger misses some verbs ("Rerun the assay"): a prefixed base verb followed by its object.
  const stem = w.replace(VERB_PREFIX, '');
  if (stem !== w && OBJECT_STARTERS.has(next) && isInfinitiveVerb(stem)) return { at: i, negative: false };
  return undefined;
}

/**
 * A command in a later clause of the sentence: "left you a message, give me a call", "the copies
 * are on their way, so just wait for them", "… and call me with the timing". Only a base verb with
 * an object that points at the writer or the thing (me, us, the, them) counts, so "we checked it
 * and sent it" (past tense) and "I'll review it and call you" (the writer's own plan) do not.
 */
function findClauseImperative(s: Sentence): Imperative | undefined {
  const toks = s.tokens;
  // Indexes read once per sentence (a sentence of many commas was quadratic when each comma
  // looked for its next word and counted the words before it): the next word at or after each
  // token, the words before each token, and whether "I" or "we" is among them.
  const nextWord = new Int32Array(toks.length + 1);
  nextWord[toks.length] = toks.length;
  for (let k = toks.length - 1; k >= 0; k--) nextWord[k] = toks[k]!.isWord ? k : nextWord[k + 1]!;
  const wordsBefore = new Int32Array(toks.length + 1);
  const writerBefore = new Uint8Array(toks.length + 1);
  // Whether the clause so far (since the last comma or semicolon) has a modal or "to" before a
  // verb: then "and run the command" goes on that verb ("how to open a window and run the
  // command", "you can list them and sum the costs"), it is not a command of its own.
  const verbChainBefore = new Uint8Array(toks.length + 1);
  for (let k = 0; k < toks.length; k++) {
    const x = toks[k]!;
    wordsBefore[k + 1] = wordsBefore[k]! + (x.isWord ? 1 : 0);
    verbChainBefore[k + 1] =
      x.text === ',' || x.text === ';' || x.text === ':'
        ? 0
        : verbChainBefore[k]! || MODALS.has(x.norm) || (x.norm === 'to' && isInfinitiveVerb(toks[k + 1]?.norm ?? ''))
          ? 1
          : 0;
    writerBefore[k + 1] = writerBefore[k]! || (x.isWord && (x.norm === 'i' || x.norm === 'we' || x.norm === "i'll" || x.norm === "we'll")) ? 1 : 0;
  }
  const after = (k: number): number => (k >= toks.length ? k : nextWord[k]!);
  for (let k = 1; k < toks.length - 2; k++) {
    const t = toks[k]!;
    // A spaced dash before a capital starts a new clause as a full stop would: "Their number is
    // 281-334-4179 - Do be sure to mention my name".
    const dash = (t.text === '-' || t.text === '–' || t.text === '—') && /^\p{Lu}/u.test(toks[k + 1]?.text ?? '');
    const boundary = t.text === ',' || t.text === ';' || (t.norm === 'and' && toks[k - 1]?.isWord) || dash;
    if (!boundary) continue;
    let i = after(k + 1);
    if (dash) {
      const w = toks[i]?.norm ?? '';
      const next = toks[i + 1]?.norm ?? '';
      if ((w === 'do' && (next === 'be' || next === 'not')) || w === "don't" || (w === 'be' && next === 'sure')) return { at: i, negative: next === 'not' || w === "don't", clause: k };
    }
    if (t.norm !== 'and' && (toks[i]?.norm === 'so' || toks[i]?.norm === 'then' || toks[i]?.norm === 'and')) i = after(i + 1);
    if (toks[i]?.norm === 'just') i = after(i + 1);
    const verb = toks[i];
    const obj = toks[i + 1]?.norm ?? '';
    if (!verb || !/^[a-z]+$/.test(verb.norm) || NON_IMPERATIVE_STARTERS.has(verb.norm) || AUXILIARIES.has(verb.norm)) continue;
    if (!['me', 'us', 'the', 'them', 'for'].includes(obj)) continue;
    // "…, thank you", "…, let me know": courtesy formulas stay courteous mid-sentence too.
    if (verb.norm === 'let' || verb.norm === 'thank' || verb.norm === 'see' || verb.norm === 'wish') continue;
    // The clause before must be a statement of its own, not the writer's list of actions ("I
    // called, and left the note"): a subject before the boundary that is not the writer.
    if (wordsBefore[k]! < 2 || (t.norm === 'and' && (writerBefore[k] === 1 || verbChainBefore[k] === 1))) continue;
    if (isInfinitiveVerb(verb.norm)) return { at: i, negative: false, clause: k };
  }
  return undefined;
}

/**
 * Whether the sentence softens the command. A courtesy offer ("if you have any questions")
 * softens only a command in its own clause: in "Let me know if you have questions and call me
 * with the timing" it belongs to "let me know", so `from` starts the search at the command's clause.
 */
function isSoftened(s: Sentence, contactVerb?: string, from = 0): boolean {
  const toks = s.tokens;
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.norm;
    if (SOFTENERS.has(w)) return true;
    if (k < from) continue;
    // "Call me if you have any questions" is an offer of help, not an order; "Bring them if you
    // have them" is still an order.
    if (
      w === 'if' && toks[k + 1]?.norm === 'you' && ['have', 'need', 'want', 'like', 'would', 'prefer', 'wish', 'are', 'run', 'get'].includes(toks[k + 2]?.norm ?? '') &&
      (contactVerb === undefined || CONTACT_VERBS.has(contactVerb))
    )
      return true;
    if (w === 'can' && toks[k + 1]?.norm === 'you') return true;
    if (w === 'if' && toks[k + 1]?.norm === 'possible') return true;
  }
  return false;
}

/** The request form of the imperative from `from` to the end of the sentence, or undefined. */
function rewrite(doc: RuleDoc, s: Sentence, imp: Imperative): string | undefined {
  const from = s.tokens[imp.at]!.start;
  const text = doc.body.slice(from, s.end);
  const atSentenceStart = s.tokens.slice(0, imp.at).every((t) => !t.isWord);
  const m = /^(.*?)([.!]?)$/s.exec(text);
  if (!m) return undefined;
  let core = m[1]!;
  if (/[:;)"”]$/.test(core) || /[?;]/.test(core)) return undefined;
  // "Return the copy, and we can issue the PO" does not turn into one question.
  if (/,\s+(?:and|so|then)\s+(?:we|i|I)\b/i.test(core)) return undefined;
  // "DO NOT release" -> "do not release"; other capitals (names, PO) stay.
  core = core.replace(/^(?:[A-Z]{2,}(?:'[A-Z]+)?\s+){1,2}/, (caps) => caps.toLowerCase());
  const lowered = /^[A-Z][a-z]/.test(core) || /^[A-Z]'/.test(core) ? core.charAt(0).toLowerCase() + core.slice(1) : core;
  if (imp.negative) {
    const lead = atSentenceStart ? 'Please ' : 'please ';
    return `${lead}${lowered}${m[2] || '.'}`;
  }
  return `${atSentenceStart ? 'Could' : 'could'} you please ${lowered}?`;
}

const english = defineRule({
  id: 'ja/blunt-imperative',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'A bare command to the recipient ("Send me the report.").',
    ja: '相手への命令形（"Send me the report." など）。',
  },
  messages: {
    default: {
      en: 'A bare imperative reads as an order: "{phrase}"',
      ja: '命令形のままでは指示のように響きます: 「{phrase}」',
    },
  },
  rationales: {
    default: {
      en: 'Japanese business writing makes requests, not commands; a bare imperative to a partner sounds like an order to a subordinate and costs goodwill.',
      ja: '日本のビジネス文書では指示ではなく依頼の形を取ります。取引先への命令形は部下への指示のように響き、関係を損ないます。',
    },
  },
  advice: {
    en: 'Turn it into a request: "Could you please send me the report?"',
    ja: '依頼の形にしましょう。例: "Could you please send me the report?"',
  },
  check: bareImperatives,
  examples: {
    fire: [
      { text: 'Send me the report.', excerpt: 'Send me the report.', output: 'Could you please send me the report?' },
      { text: 'Fix this by Friday.', excerpt: 'Fix this by Friday.' },
      { text: 'Call me tomorrow.', output: 'Could you please call me tomorrow?' },
      { text: 'Do not release the order.', output: 'Please do not release the order.' },
      { text: 'DO NOT release the PO until you hear from me.', output: 'Please do not release the PO until you hear from me.' },
      { text: 'Rerun the assay with fresh controls.', excerpt: 'Rerun the assay with fresh controls.' },
      { text: 'Thanks for the photos. Also, ship the cartons back with the label.', excerpt: 'ship the cartons back with the label.' },
      { text: "Don't change the layout.", excerpt: "Don't change the layout." },
      { text: 'Come by the office anytime today.', excerpt: 'Come by the office anytime today.' },
      { text: 'Jeff, call me tomorrow about the bid.', excerpt: 'call me tomorrow about the bid.' },
      { text: 'Also, keep in mind that the figure is only a plan.', excerpt: 'keep in mind that the figure is only a plan.' },
      { text: 'So bring the samples if you have them.', excerpt: 'bring the samples if you have them.' },
      { text: 'Hi Ken, when the parts arrive, count them twice.', excerpt: 'count them twice.' },
      { text: 'Left you a message this morning, give me a call when you get a chance.', excerpt: 'give me a call when you get a chance.' },
      { text: 'The originals are in the mail, so just wait for them before you sign anything.', excerpt: 'wait for them before you sign anything.' },
      { text: 'Do be sure to mention my name at the desk!', excerpt: 'Do be sure to mention my name at the desk!' },
      { text: 'The front desk is on the 3rd floor - Do be sure to show your badge!', excerpt: 'Do be sure to show your badge!' },
      { text: 'Let me know if you have any concerns and send me the revised schedule.', excerpt: 'send me the revised schedule.' },
    ],
    pass: [
      { text: 'Please find attached the agenda for Monday.' },
      { text: 'Let me know if you have questions.' },
      { text: 'Thank you for your help.' },
      { text: 'See you on Monday.' },
      { text: 'Allow me to introduce myself.' },
      { text: 'Could you send me the report by Friday?' },
      { text: 'Send me the report, please.' },
      { text: 'Do not hesitate to contact me.' },
      { text: 'Shipment details are below.' },
      { text: 'Guess our servers needed a coffee break too.' },
      { text: 'Remember, we had a deal on the dates.' },
      { text: 'Schedule B, all retail accounts under 100 kW.' },
      { text: 'Total Return Swap Confirmation (258201)' },
      { text: 'Total East deliveries averaged 479 units a day.' },
      { text: 'Despite the delays, it appears the vote will pass.' },
      { text: 'Volume 4,965 MMBtu/d\nPrice: $3.40' },
      { text: 'Count us in, and thanks!' },
      { text: 'Call me if you have any questions.' },
      { text: 'Do you see any problem with the assignment.' },
      { text: "Don't know why the second table is needed." },
      { text: 'Think this belongs in the other thread.' },
      { text: 'Need a direction on the pricing.' },
      { text: 'I reviewed the draft, and sent it to legal this morning.' },
      { text: 'I will review it tonight and call you tomorrow.' },
      { text: 'We found the typo (never trust a spell checker at midnight)' },
      { text: 'Hello,\n\nThe files are ready.\n\nOn Mon, Nov 3, 2025 at 4:40 PM Ken <k@x.jp> wrote:\n> Send me the report.' },
    ],
  },
});

/**
 * Every bare command to the reader in the draft, each from its verb to the end of its sentence.
 * Sentence-local (the tagger runs on candidates only): cached per paragraph, so an edit re-reads
 * only the edited paragraph, and ja/pressure reads the same answer without a second pass. The
 * sign-off line is filtered afterwards, since where it starts depends on the whole draft.
 */
export function bareImperatives(doc: RuleDoc): RuleReport[] {
  const all = doc.reportsPerParagraph('ja/blunt-imperative', (p) => imperativesIn(doc, p.sentences));
  return doc.signOffStart === -1 ? all : all.filter((r) => r.start! < doc.signOffStart);
}

function imperativesIn(doc: RuleDoc, sentences: readonly Sentence[]): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const s of sentences) {
    if (s.isQuestion || s.tokens.length < 2) continue;
    // Not a sentence of running text: a heading, a label, a table row, a sign-off.
    if (s.form === 'heading' || s.form === 'label' || s.form === 'table' || s.form === 'signoff') continue;
    // The tail of a parenthetical aside "(… for you)", or a fragment a line break cut off.
    if (/\)$/.test(s.text) && (!s.text.includes('(') || s.text.startsWith('('))) continue;
    if (/^\p{Ll}/u.test(s.text) && s.start > 0 && !/(?:^|[.!?:;]["'”’)]?)\s*$/.test(doc.body.slice(Math.max(0, s.start - 20), s.start)) && s.start !== doc.paragraphs[s.paragraph]!.start) continue;
    const imp = findImperative(doc, s) ?? findClauseImperative(s);
    if (!imp) continue;
    // A command the writer quotes or names ("a strategy: \"list them all, pick the best\"") orders nobody.
    if (isQuoted(s, imp.at)) continue;
    // "Send me a note if you have questions" offers contact as "Call me if…" does.
    const verb = s.tokens[imp.at]?.norm;
    const sendsWord = verb === 'send' && s.tokens.slice(imp.at + 1, imp.at + 5).some((t) => CONTACT_NOUNS.has(t.norm));
    if (isSoftened(s, sendsWord ? 'write' : verb, imp.clause)) continue;
    const start = s.tokens[imp.at]!.start;
    const replacement = rewrite(doc, s, imp);
    const phrase = doc.body.slice(start, s.end);
    reports.push({
      start,
      end: s.end,
      data: { phrase, rewrite: replacement ?? 'Could you please ...?' },
      suggestion: replacement
        ? {
            text: { en: 'Make it a request: "{rewrite}"', ja: '依頼の形にしましょう: "{rewrite}"' },
            replacement,
          }
        : {
            text: {
              en: 'Make it a request: "Could you please ...?" or "We would be grateful if you could ..."',
              ja: '依頼の形にしましょう（"Could you please ...?" や "We would be grateful if you could ..."）。',
            },
          },
    });
  }
  return reports;
}

// In a draft written in Japanese, the rule's Japanese wording (japanese/blunt-imperative.ts) runs instead.
export default withJapanese(english, bluntImperativeJa);
