import { firstTokenFrom, isQuoted, nextWordWhere, sentenceWords, defineRule, definePhrases, type PhraseEntry, type RuleDoc, type RuleReport, type Sentence, type Token, WRITER_SUBJECTS } from '../../src/engine';
import { APOLOGY_PHRASES } from './missing-apology';
import { withJapanese } from './japanese/extend';
import { harshNegativeJa } from './japanese/harsh-negative';

/**
 * Kinds of harshness, each guarded differently in `check`:
 * - `disagree`: the writer contradicts the reader ("I don't agree", "I have to push back on that");
 * - `disagree-verb`: "disagree" whose subject is the writer ("I must disagree", not "you may disagree");
 * - `reject`: a flat refusal of the reader's proposal ("doesn't work for us", "we refuse");
 * - `wrong`: the reader or their point is declared wrong ("That's wrong", "you are mistaken");
 * - `judgement`: a harsh verdict word ("unacceptable", "ridiculous", "clearly skewed");
 * - `blame`: what the reader did or failed to do ("you failed to", "why didn't you");
 * - `should-have`: hindsight criticism of the reader ("Your team should have run..."), which
 *   needs a past participle after it ("you should have received it" is an expectation);
 * - `directive`: "you must / you need to" as an order (not "you must be busy");
 * - `no-start`: "No, we can't..." only at the start of a sentence;
 * - `bare-question`: a `question` that challenges only when it opens the sentence ("Care to explain?");
 * - `question`: criticism put as a question ("Why would you do that??", "What are you talking
 *   about?", "Did you even read it?"): only in a sentence that asks, and not one softened as a
 *   genuine question ("Could you tell me why…", "just curious");
 * - `insult`: name-calling of the reader's work ("a dumb question", "terrible design"), not the
 *   writer's modesty opening their own question ("Stupid question, but…", "this may be a silly idea");
 * - `dismiss`: dismissals and insults aimed at the reader ("That's your opinion", "you people",
 *   "what the hell").
 */
type HarshKind = 'insult' | 'disagree' | 'disagree-verb' | 'reject' | 'wrong' | 'judgement' | 'blame' | 'should-have' | 'directive' | 'no-start' | 'question' | 'bare-question' | 'dismiss';
interface HarshEntry extends PhraseEntry {
  tag: HarshKind;
}

/** Direct refusal, disagreement and criticism, in the many ways English says them. */
export const HARSH_PHRASES = definePhrases<HarshEntry>([
  // Disagreement in any wording.
  { pattern: 'disagree|disagreed', tag: 'disagree-verb' },
  { pattern: "(i|we) (don't|cannot|can't|couldn't) [really|fully|quite] agree", tag: 'disagree' },
  { pattern: '(i|we) (am|are) not [at] [all] (convinced|persuaded)', tag: 'disagree' },
  { pattern: '(i|we) (have|need|want|must) [to] push back (on|here|hard|strongly|firmly|.|,|;)', tag: 'disagree' },
  { pattern: "(i|we|i'd|we'd) (would|will) [like] [to] push back (on|here|hard|strongly|firmly|.|,|;)", tag: 'disagree' },
  { pattern: "(i'm|we're|i'd|we'd) (going|like) to push back (on|here|hard|strongly|firmly|.|,|;)", tag: 'disagree' },
  { pattern: 'push|pushing back (on|here|hard|strongly|firmly|.|,|;)', tag: 'disagree' },
  { pattern: 'push|pushing back [a] (little|bit) [bit] on', tag: 'disagree' },
  { pattern: '(i|we) [have|must|need] [to] take issue with', tag: 'disagree' },
  { pattern: '(i|we) [have|must|need|strongly] [to] (object|objected)', tag: 'disagree' },
  { pattern: "(that|this|it) (doesn't|didn't|won't) hold (up|water)", tag: 'wrong' },
  { pattern: "your * [*] (doesn't|didn't|won't) hold (up|water)", tag: 'wrong' },
  { pattern: "(you're|you) [are] not listening", tag: 'wrong' },
  { pattern: '(i|we) see no reason to', tag: 'reject' },
  { pattern: 'i|we beg to differ', tag: 'disagree' },
  { pattern: 'with all due respect', tag: 'disagree' },
  { pattern: 'contrary to what you (said|say|claim|claimed|suggest|suggested|wrote|think|believe)', tag: 'disagree' },
  { pattern: "(i|we) don't think (that|this|it) (is|was) (right|correct|fair|reasonable|accurate|realistic|true|acceptable)", tag: 'disagree' },
  // Flat refusal.
  { pattern: "(doesn't|won't|can't|cannot) [really|possibly] work for (us|me)", tag: 'reject', replacement: 'would be difficult for us' },
  { pattern: "(isn't|not) going to work for (us|me)", tag: 'reject' },
  { pattern: "(that|this) (won't|doesn't|can't|cannot) [possibly] work", tag: 'reject' },
  { pattern: '(that|this|it) is not going to (work|happen)', tag: 'reject' },
  { pattern: 'out of the question', tag: 'reject' },
  { pattern: 'non-starter', tag: 'reject' },
  { pattern: '(i|we) [simply|flatly] (refuse|refused|reject|rejected)', tag: 'reject' },
  { pattern: "(i|we) (won't|cannot|can't|don't) [ever] (accept|tolerate|allow)", tag: 'reject' },
  { pattern: '(i|we) (are|am) not (willing|prepared|going) to (accept|pay|agree|sign|approve|tolerate|consider)', tag: 'reject' },
  { pattern: "(i|we) won't [be] (pay|agree|sign|approve|consider|paying|accepting|signing|approving|considering)", tag: 'reject' },
  { pattern: '(i|we) (am|are) not (happy|satisfied|pleased) with', tag: 'judgement' },
  { pattern: '(unhappy|dissatisfied) with', tag: 'judgement' },
  { pattern: 'not|never acceptable', tag: 'judgement', replacement: 'difficult for us to accept' },
  // "That's wrong" and its family, aimed at the reader's point.
  { pattern: '(that|this) (is|was) [simply|just|completely|totally|plainly|absolutely|clearly|obviously|entirely] (wrong|incorrect|untrue|false|inaccurate|nonsense|unfair|impossible|baseless|misleading)', tag: 'wrong' },
  { pattern: '(that|this) (is|was) [simply|just|completely|totally|plainly|absolutely|clearly|obviously|entirely] not (true|correct|accurate|right|fair|possible)', tag: 'wrong' },
  { pattern: '(that|this) (is|was) [simply|just|clearly|obviously] not the case', tag: 'wrong' },
  { pattern: "(that's|that|this) [is|was] not what (we|you) (agreed|discussed|said|promised)", tag: 'wrong' },
  { pattern: '(that|this|it) makes no sense', tag: 'wrong' },
  { pattern: "(that|this|it) doesn't make [any] sense", tag: 'wrong' },
  { pattern: "you're [simply|just|completely|clearly|obviously] (wrong|mistaken|incorrect|confused)", tag: 'wrong' },
  { pattern: 'your * [*] (is|was|are|were) [simply|just|completely|clearly|obviously] (wrong|mistaken|incorrect|inaccurate|confused|flawed)', tag: 'wrong' },
  { pattern: "(you|you've) [have] [got|gotten] it wrong", tag: 'wrong' },
  { pattern: 'you (misunderstood|misunderstand|misread|misinterpreted|misrepresented)', tag: 'wrong' },
  { pattern: "you don't understand", tag: 'wrong' },
  { pattern: "(you're|you) [are] missing the point", tag: 'wrong' },
  // Harsh verdicts.
  {
    pattern:
      'unacceptable|ridiculous|absurd|nonsense|nonsensical|incoherent|outrageous|unreasonable|preposterous|laughable|inexcusable|unprofessional|incompetent|sloppy|careless|pointless|appalling|disgraceful|shameful|amateurish|half-baked|unrealistic|subpar|sub-par',
    tag: 'judgement',
  },
  { pattern: 'obviously', tag: 'judgement' },
  { pattern: 'a waste of (time|money|effort)', tag: 'judgement' },
  { pattern: 'not good enough', tag: 'judgement' },
  { pattern: '(i|we) (am|are) [very|extremely|deeply|quite|really|so|rather] disappointed', tag: 'judgement' },
  {
    pattern:
      '(clearly|obviously|completely|totally|simply|entirely|fundamentally|seriously|badly|grossly|plainly) (skewed|flawed|wrong|incorrect|biased|inadequate|insufficient|unreliable|inaccurate|misleading|unusable|off|mistaken|unworkable)',
    tag: 'judgement',
  },
  // Blame aimed at the reader.
  { pattern: "you|you've (failed|neglected) to", tag: 'blame' },
  { pattern: "you (didn't|never) [even] (send|provide|reply|respond|answer|read|check|follow|include|tell|inform|confirm|bother|listen)", tag: 'blame' },
  { pattern: 'you never (sent|provided|replied|responded|answered|checked|followed|included|told|informed|confirmed|bothered|listened)', tag: 'blame' },
  { pattern: "why (didn't|haven't|hasn't|wasn't|weren't|wouldn't|couldn't) (you|your)", tag: 'blame' },
  { pattern: 'why did you not', tag: 'blame' },
  { pattern: "you (should|shouldn't|ought) [not] [to] have", tag: 'should-have' },
  { pattern: "your * [*] (should|shouldn't|ought) [not] [to] have", tag: 'should-have' },
  { pattern: "you should've", tag: 'should-have' },
  { pattern: "your * [*] should've", tag: 'should-have' },
  // Orders.
  { pattern: 'you [really|simply|just|also|still|absolutely] must', tag: 'directive' },
  { pattern: 'you [really|simply|just|also|still|absolutely] (need|have) to', tag: 'directive' },
  // Criticism put as a question.
  { pattern: 'why [on earth|in the world|the hell|the heck] (would|did|do|does|are|were|is) (you|your|anyone|anybody)', tag: 'question' },
  { pattern: 'why (on earth|in the world|the hell|the heck)', tag: 'question' },
  { pattern: 'what (on earth|in the world)', tag: 'question' },
  // "Why not just…?": the "just" makes the reader's way look foolish, where "why not try…" suggests.
  { pattern: "why (not|don't you) (just|simply)", tag: 'question' },
  // Not "why don't you / why not …": that is how English offers a suggestion.
  { pattern: "why (can't|won't|aren't|isn't|wouldn't|shouldn't|doesn't) (you|your)", tag: 'question' },
  { pattern: "what [on earth|in the world|the hell|the heck] (are|were) you (talking about|thinking)", tag: 'question' },
  { pattern: "what're you (talking about|thinking|doing)", tag: 'question' },
  // Indignant, not a request for clarification ("What do you mean by 'net'?" asks, genuinely).
  { pattern: "what (do|did) (you|u) mean (you|it|that|this|they|we) (can't|cannot|won't|don't|didn't|doesn't|isn't|aren't|wasn't|weren't|haven't|hasn't|will|can|are|is|were|was)", tag: 'question' },
  { pattern: "(what's|what is) the point", tag: 'question' },
  { pattern: "(what's|what is) (wrong with|your problem)", tag: 'question' },
  { pattern: "(what's|what is) exactly your problem", tag: 'question' },
  { pattern: 'what exactly is your problem', tag: 'question' },
  // Indignation, not a request for a definition ("What is the flag supposed to do?" asks).
  { pattern: "(what's|what is|what was) (this|that|it) supposed to mean", tag: 'question' },
  // Incredulity: "How long can it possibly take?", "What could possibly be the point of it?"
  // ("Could you possibly send it?" asks politely, and no wh-word opens it).
  { pattern: '(how|what|why) (can|could) [*] possibly', tag: 'question' },
  { pattern: '(how|what|why) * [*] [*] (can|could) [*] possibly', tag: 'question' },
  { pattern: '(did|do|have|had) you even', tag: 'question' },
  { pattern: 'did you (not|ever|actually|bother to) (read|check|look|try|test|see|listen)', tag: 'question' },
  { pattern: "(don't|didn't|can't|couldn't) you (see|know|think|understand|realize|realise|read)", tag: 'question' },
  { pattern: 'do you (really|seriously|honestly) (think|expect|believe|need|want)', tag: 'question' },
  // "Do you actually want the ratio, or the slope?" asks what the reader needs; "do you actually
  // believe that" doubts them.
  { pattern: 'do you actually (think|expect|believe)', tag: 'question' },
  { pattern: 'you [do] (realize|realise) (that|this|it)', tag: 'question' },
  { pattern: 'you do (realize|realise)', tag: 'question' },
  // Questions that challenge only when they open the sentence ("Care to explain?", "Since when…?");
  // "Would you care to join us?" is an invitation.
  { pattern: 'care to (explain|elaborate|share|comment|justify|provide)', tag: 'bare-question' },
  { pattern: 'mind (explaining|to explain)', tag: 'bare-question' },
  { pattern: 'since when', tag: 'bare-question' },
  { pattern: "(isn't|wasn't) (that|it|this) (obvious|clear|your job)", tag: 'question' },
  // "How can you find the node?" asks how; "how could you", "how dare you", "how can you possibly" reproach.
  { pattern: 'how (could|dare) you', tag: 'question' },
  { pattern: 'how can you (possibly|seriously|even|say|claim|expect|think|justify)', tag: 'question' },
  { pattern: 'are you for real', tag: 'question' },
  { pattern: 'are we supposed to (guess|know|read)', tag: 'question' },
  { pattern: '(do|should|must) we [have|need] [to] guess', tag: 'question' },
  { pattern: 'we should guess', tag: 'question' },
  { pattern: 'do you think (this|that|it) is (funny|a joke|acceptable|ok|okay)', tag: 'question' },
  { pattern: '(is|was) (it|that) (that|so|really) (hard|difficult)', tag: 'question' },
  { pattern: "shouldn't you be", tag: 'question' },
  { pattern: 'who (told|asked) you', tag: 'question' },
  { pattern: 'are you (serious|kidding|joking|even)', tag: 'question' },
  { pattern: 'is this (a joke|serious)', tag: 'question' },
  // "Can't you just filter them first?": as "why not just", the "just" makes the reader's way look foolish.
  { pattern: "(can't|couldn't|won't) you (just|simply)", tag: 'question' },
  { pattern: '(can|could|will) you not (just|simply)', tag: 'question' },
  // Saying the reader asked nothing: "What is your question?", "So what's the real question?".
  { pattern: "(what's|what is|where's|where is) (the|your) [real|actual] question", tag: 'bare-question' },
  { pattern: '(would|do) you care to (explain|elaborate|justify|comment|provide)', tag: 'question' },
  { pattern: 'surely (you|your)', tag: 'question' },
  { pattern: '(did|do) you read (my|the|what|our|his|her|their)', tag: 'question' },
  { pattern: 'do you [even] understand', tag: 'bare-question' },
  // Dismissals and insults.
  { pattern: "(no|not a|not the slightest|not the faintest) (idea|clue) what (you're|you are|you were) [actually|even|really] (talking|on|asking|saying|getting)", tag: 'dismiss' },
  { pattern: "(i|we) (have|had) no (idea|clue) what (you're|you are|you were) [actually|even|really] (talking|on|asking|saying|getting)", tag: 'dismiss' },
  { pattern: 'i see no question', tag: 'dismiss' },
  { pattern: 'not a real question', tag: 'dismiss' },
  { pattern: '(heard of|know about) google', tag: 'dismiss' },
  { pattern: 'google is your friend', tag: 'dismiss' },
  { pattern: 'lmgtfy|rtfm', tag: 'dismiss' },
  { pattern: '(stupid|dumb|idiotic|moronic|lame|silly|terrible|awful|horrible|ugliest) (question|questions|idea|ideas|code|answer|answers|title|approach|design|comment|comments|post|mistake|product|solution)', tag: 'insult' },
  // With one word between: "the ugliest Python code", "a dumb design idea".
  { pattern: '(stupid|dumb|idiotic|moronic|terrible|horrible|ugliest) * (question|questions|idea|ideas|code|answer|answers|title|approach|design|comment|comments|post|solution)', tag: 'insult' },
  { pattern: "(that's|that is|this is) [just|only|merely] your opinion", tag: 'dismiss' },
  { pattern: 'who cares', tag: 'dismiss' },
  { pattern: 'you people', tag: 'dismiss' },
  // Accusing the reader of leaving their work to others.
  { pattern: '(do|doing|answer|solve|write) [all] [of] your (homework|work|job) for you', tag: 'dismiss' },
  { pattern: '(answer|solve|doing) [all] [of] your homework', tag: 'dismiss' },
  { pattern: 'we do [all] [of] your homework', tag: 'dismiss' },
  { pattern: '(smells|sounds|looks|seems|reads|smell|sound|look|seem) [suspiciously|a lot|a bit|rather|strongly] like [a] [good|typical|classic] homework', tag: 'dismiss' },
  { pattern: '[go] do your homework', tag: 'dismiss' },
  { pattern: "you (haven't|didn't|never) even (looked|look|read|tried|try|checked|check|opened|open|bothered)", tag: 'blame' },
  { pattern: "you (couldn't|could not) even", tag: 'blame' },
  { pattern: '(is|was) (this|it|that) [a|for|your] homework', tag: 'dismiss' },
  { pattern: '(is|was) (this|it|that) (a|some) (kind|sort) of homework', tag: 'dismiss' },
  { pattern: 'what the (hell|heck|fuck)', tag: 'dismiss' },
  { pattern: "(you're|you are) (an idiot|stupid|clueless|incompetent|lazy|pathetic|a joke|a liar|useless|hopeless|a harsh|a troll|a hypocrite|rude)", tag: 'dismiss' },
  { pattern: "(you have|you've) ruined", tag: 'dismiss' },
  { pattern: "you (didn't|did not|never) (answer|address|explain|understand)", tag: 'blame' },
  // "No, we can't..." (the bare "No." sentence is found separately).
  { pattern: "no , (we|i) (can't|cannot|won't|disagree|refuse|reject)", tag: 'no-start' },
  { pattern: 'no , (we|i) (will|can|do) not', tag: 'no-start' },
  { pattern: "no , (that's|it's) not (true|correct|right|accurate|what)", tag: 'no-start' },
  { pattern: 'no , (that|this|it) (is|was) (wrong|incorrect|untrue)', tag: 'no-start' },
]);

/** One-word questions that challenge what the reader said. */
const BARE_CHALLENGES = new Set([
  'seriously', 'really', 'what', 'huh', 'wtf', 'what for', 'so what', 'says who', 'homework',
  // "So what's the problem?": there is none, it says.
  "so what's the problem", "and what's the problem", 'so what is the problem', 'and what is the problem',
  "what's the real problem", 'what is the real problem', "so what's the question", 'so what is the question',
]);
const EXASPERATED_OPENERS = new Set(['you', 'your', 'so', 'and', 'why']);
/**
 * Sarcasm that dismisses, as a sentence of its own ("Good luck with that.", "Big deal."); inside a
 * sentence the same words are sincere ("good luck with that launch", "a big deal for us").
 */
const BARE_SARCASM = new Set(['good luck with that', 'big deal', 'thanks for nothing', 'nice try', 'yeah right', 'so what', 'whatever']);
/** "?!" or "!?" in the run of marks that ends the sentence. Read backwards, without a regex. */
const EXASPERATED_END = {
  test: (text: string): boolean => {
    let k = text.length;
    while (k > 0 && (text[k - 1] === '?' || text[k - 1] === '!')) k--;
    const run = text.slice(k);
    return run.includes('?!') || run.includes('!?');
  },
};

/** Self-criticism and ownership: harsh words about our own work are not aimed at the reader. */
export const SELF_CRITICISM_PHRASES = definePhrases([
  'on us',
  'on me',
  'our|my (fault|failure|mistake|error|responsibility)',
  'on our|my (part|side|end)',
  'of us|me',
  'ourselves|myself',
]);

/** A whole sentence that is a bare refusal. */
const BARE_REFUSALS = new Set(['no', 'nope', 'no way', 'absolutely not', 'certainly not', 'definitely not', 'of course not', 'no chance']);
const BARE_REFUSAL_STARTS = new Set(['no', 'nope', 'absolutely', 'certainly', 'definitely', 'of']);
/** Before a trigger, these make it hypothetical ("if that doesn't work for us"). */
/** Words that make a why/what question a genuine one. */
const GENUINE_QUESTION = new Set(['curious', 'curiosity', 'wonder', 'wondering', 'wondered', 'please', 'kindly', 'help', 'understand']);
/** Before "question", words that announce the writer's own question ("just a question", "one question though"). */
const ANNOUNCING = new Set(['a', 'just', 'one', 'quick', 'small', 'side', 'simple', 'honest', 'genuine', 'another', 'follow-up']);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'case', 'suppose', 'assuming']);
const NEGATORS = new Set(['not', 'never', 'hardly', "isn't", "wasn't", "aren't", "weren't", 'nothing', 'no']);
/** "You should have <these>" states an expectation, not a reproach. */
const BENIGN_AFTER_SHOULD_HAVE = new Set([
  'received', 'gotten', 'got', 'seen', 'heard', 'access', 'a', 'an', 'the', 'it', 'them', 'this', 'these', 'those',
  'all', 'everything', 'now', 'already', 'by', 'plenty', 'enough', 'no', 'any', 'some', 'your', 'our', 'my', 'time',
  'more', 'less', 'one', 'two', 'several', 'both',
]);
/** "You should have been <these>" is also an expectation ("should have been notified by email"). */
const BENIGN_AFTER_SHOULD_HAVE_BEEN = new Set(['notified', 'informed', 'contacted', 'sent', 'told', 'given', 'invited', 'copied', 'added', 'emailed', 'able']);
const IRREGULAR_PARTICIPLES = new Set([
  'been', 'done', 'run', 'told', 'sent', 'made', 'known', 'thought', 'brought', 'caught', 'kept', 'let', 'put', 'set',
  'read', 'said', 'paid', 'come', 'gone', 'taken', 'given', 'written', 'chosen', 'spoken', 'understood', 'built',
  'spent', 'found', 'left', 'held', 'meant', 'sought', 'taught', 'shown', 'double-checked',
]);
/** "You must" is an order unless it guesses at the reader's state ("you must be busy", "you must have heard"). */
const EPISTEMIC_AFTER_MUST = new Set(['be', 'have', 'know', 'feel', 'think', 'already']);
const RECOMMENDATION_VERBS = new Set(['try', 'visit', 'come', 'see', 'taste', 'join', 'meet', 'enjoy', 'experience']);
/** Where "you need to / you have to" starts a clause of its own, it is an order to the reader. */
const OTHER_SUBJECTS = new Set(['you', "you're", "you'd", "you'll", 'they', "they're", 'he', 'she', 'people', 'others', 'some', 'many', 'who', 'agree']);
const TECHNICAL_AFTER_WORK = new Set(['on', 'with', 'in', 'under', 'when', 'properly', 'correctly', 'anymore', 'yet', 'offline', 'without', 'if', 'because']);
/** "Your question is too vague": the reader's writing, what points at it, and the verdicts on it. */
const READERS_WORK = new Set(['question', 'title', 'post', 'description', 'explanation', 'wording', 'email', 'message', 'proposal', 'draft']);
const WORK_POINTERS = new Set(['your', 'this', 'that', 'the']);
const COPULAS = new Set(['is', 'seems', 'sounds', 'looks', 'reads', 'was']);
const VERDICT_DEGREE = new Set(['very', 'really', 'pretty', 'quite', 'rather', 'totally', 'extremely', 'overly', 'completely', 'too', 'still', 'so', 'way', 'far', 'bit', 'little', 'somewhat', 'unnecessarily']);
const WORK_VERDICTS = new Set(['confusing', 'confused', 'vague', 'unclear', 'broad', 'incoherent', 'nonsensical', 'incomprehensible', 'unreadable', 'bizarre', 'convoluted', 'messy', 'misleading', 'pointless', 'useless', 'sloppy', 'terrible', 'awful', 'horrible']);
const DISCOURSE_LEADS = new Set(['so', 'and', 'but', 'then', 'well', 'ok', 'okay', 'now', 'also', 'again', 'um', 'uh']);
const ARTICLES = new Set(['a', 'an', 'the', 'any', 'some', 'every', 'each', 'one', 'another']);
const INVERTED_AUX = new Set(['is', 'was', 'are', 'were', 'does', 'did', 'do', "isn't", "wasn't", "doesn't"]);
const WH_WORDS = new Set(['why', 'where', 'when', 'what', 'which', 'who', 'how', 'whether']);
const NEGATED_AUX = new Set(["don't", "didn't", "can't", "couldn't", "won't", "wouldn't"]);
const READER_WORDS = new Set(['you', 'your', "you're", "you've", "you'd", "you'll", 'u']);
/** Before an insult word, the writer's modesty: "this may be a stupid question", "my dumb idea". */
const MODEST_BEFORE = new Set(['my', 'our', 'may', 'might', 'probably', 'perhaps', 'maybe', 'possibly']);
const CLAUSE_OPENERS = new Set([',', ';', ':', '—', '-', 'so', 'then', 'now', 'and', 'but', 'therefore', 'frankly', 'honestly', 'really', 'simply', 'seriously']);


/**
 * Before a verdict, the writer's tentative reading ("It seems that this is not possible", "I
 * guess this is not the case"): what the writer supposes about a fact, not a verdict on the
 * reader's point.
 */
const TENTATIVE = new Set(['seems', 'seem', 'seemed', 'appears', 'appear', 'appeared', 'guess', 'suppose', 'assume', 'presume', 'suspect', 'gather', 'guessing', 'assuming', 'suspecting']);
function isTentative(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (tokens[k]?.norm === 'that') k--;
  return TENTATIVE.has(tokens[k]?.norm ?? '');
}

/**
 * "If I understand correctly, you need to…", "As I read it, you have to…": the writer restating
 * what the reader's task requires, to check it, not giving an order. Looks back within the clause
 * before the match (eight tokens at most, so a match costs constant time).
 */
const UNDERSTANDING = new Set(['understand', 'understood', 'read', 'follow', 'get', 'see', 'recall']);
function restatesReader(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 2 && k >= i - 8; k--) {
    const w = tokens[k]!.norm;
    if (w === ';' || w === '.' || w === ':') return false;
    if (UNDERSTANDING.has(w) && tokens[k - 1]!.norm === 'i' && (tokens[k - 2]!.norm === 'if' || tokens[k - 2]!.norm === 'as')) return true;
  }
  return false;
}

function looksLikeParticiple(word: string): boolean {
  return IRREGULAR_PARTICIPLES.has(word) || (word.length > 3 && (word.endsWith('ed') || word.endsWith('en') || word.endsWith('wn')));
}

function isConditional(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const w = tokens[k]!.norm;
    if (CONDITIONALS.has(w)) return true;
    if (w === ';' || w === ':') break;
  }
  return false;
}

/** Harsh words about our own side ("That was unacceptable on our part", "Our delay is inexcusable"). */
function isSelfCriticism(doc: RuleDoc, sentence: Sentence): boolean {
  const first = sentence.tokens.find((t) => t.isWord)?.norm;
  if (first === 'our' || first === 'my') return true;
  return doc.matchSentence(SELF_CRITICISM_PHRASES, sentence).length > 0 || doc.matchSentence(APOLOGY_PHRASES, sentence).length > 0;
}

/**
 * Where "disagree" has the writer as its subject ("I must respectfully disagree"), the index of
 * that subject; -1 when someone else disagrees ("you may disagree", "agree to disagree").
 */
function writerDisagrees(tokens: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = tokens[k]!.norm;
    if (WRITER_SUBJECTS.has(w)) return k;
    if (OTHER_SUBJECTS.has(w) || !tokens[k]!.isWord) return -1;
  }
  return -1;
}

/**
 * "a URL that doesn't work", "the only one that's impossible": "that" opening a relative clause
 * after a noun phrase (an article within the three words before), not the reader's point.
 */
function isRelativeClause(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]!.norm;
  if (w !== 'that' && w !== "that's" && w !== 'which') return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (!tokens[k]!.isWord) return false;
    if (ARTICLES.has(tokens[k]!.norm)) return true;
  }
  return false;
}

/** Whether a match of the given kind, at tokens[i..end), is really aimed at the reader. */
function isAimedAtReader(doc: RuleDoc, sentence: Sentence, kind: HarshKind, i: number, end: number): boolean {
  const tokens = sentence.tokens;
  const before = tokens[i - 1]?.norm;
  const next = tokens[end]?.norm ?? '';
  switch (kind) {
    case 'disagree-verb':
      return writerDisagrees(tokens, i) >= 0 && !isConditional(tokens, i);
    case 'no-start':
      return sentence.tokens[0]?.start === tokens[i]!.start;
    case 'disagree': {
      // "I couldn't agree more" and "I can't agree more" are agreement.
      if (next === 'more') return false;
      // "You may disagree", "if you push back on this": someone else's possible disagreement.
      return !isConditional(tokens, i);
    }
    case 'should-have': {
      if (BENIGN_AFTER_SHOULD_HAVE.has(next)) return false;
      if (next === 'been' && BENIGN_AFTER_SHOULD_HAVE_BEEN.has(tokens[end + 1]?.norm ?? '')) return false;
      return looksLikeParticiple(next) && !isConditional(tokens, i);
    }
    case 'directive': {
      // "You must be busy", "you must have heard": a guess at the reader's state, not an order.
      if (tokens[end - 1]!.norm === 'must' && EPISTEMIC_AFTER_MUST.has(next)) return false;
      // "You have to try the kushikatsu": an enthusiastic recommendation.
      if (RECOMMENDATION_VERBS.has(next)) return false;
      if (sentence.isQuestion || restatesReader(tokens, i)) return false;
      // Only a clause that opens with "you": not "all you need to do", "if you have to", "when you must".
      return before === undefined || CLAUSE_OPENERS.has(before);
    }
    case 'insult':
      // "Stupid question, but how…": the writer's own question, said modestly.
      if ((sentenceWords(sentence)[0]?.start ?? Infinity) >= tokens[i]!.start) return false;
      return isAimedAtReader(doc, sentence, 'judgement', i, end);
    case 'judgement':
      if (before !== undefined && NEGATORS.has(before)) return false;
      // "Obviously" talks down to the reader when it is about them or their point ("as you
      // obviously know"); inside a report's prose ("the order was obviously defective") it is an adverb.
      // Opening a sentence ("Obviously the discount applies…") it is said to the reader.
      // "Then you obviously have a problem" talks down; "problems that are obviously in one class"
      // and "while this is obviously possible" are adverbs in a description.
      if (tokens[i]!.norm === 'obviously' && i > 0 && !CLAUSE_OPENERS.has(before ?? '') && !READER_WORDS.has(before ?? '') && !READER_WORDS.has(next)) return false;
      // "You obviously know far more than me": deference to the reader, not a verdict on them.
      if (tokens[i]!.norm === 'obviously' && (next === 'know' || next === 'understand') && tokens.slice(end, end + 6).some((t) => t.norm === 'more' || t.norm === 'better')) return false;
      // "This may be a stupid question", "my dumb idea": the writer's modesty, not a verdict.
      if (tokens.slice(Math.max(0, i - 4), i).some((t) => MODEST_BEFORE.has(t.norm))) return false;
      return !isConditional(tokens, i) && !isSelfCriticism(doc, sentence);
    case 'reject':
      // "This doesn't work with the old firmware": a technical fact, not a refusal.
      if (TECHNICAL_AFTER_WORK.has(next)) return false;
      // "That doesn't work for you?", "Or is that out of the question?": asking is not refusing.
      if (sentence.isQuestion) return false;
      return !isRelativeClause(tokens, i) && !isConditional(tokens, i) && !isSelfCriticism(doc, sentence);
    case 'wrong':
      // "Is this not the case for you?" asks; "I wonder why this is not possible" reports a question.
      if (before !== undefined && (INVERTED_AUX.has(before) || WH_WORDS.has(before))) return false;
      if (isTentative(tokens, i)) return false;
      return !isRelativeClause(tokens, i) && !isConditional(tokens, i) && !isSelfCriticism(doc, sentence);
    case 'blame':
      return !isConditional(tokens, i);
    case 'question': {
      // Only a sentence that asks ("Why not?" as an answer's aside "why not try it" is advice).
      if (!sentence.isQuestion) return false;
      // "Could you tell me why…", "out of curiosity", "I wonder why": a genuine question.
      // Looked up in the sentence's word index (src/engine/scan.ts): a scan of the sentence per
      // match made a long question of many "why would you" quadratic (12 s at 100,000 characters).
      if (nextWordWhere(sentence, 'ja/harsh-negative:polite-ask', (t, k, w) => (t.norm === 'could' && w[k + 1]?.norm === 'you') || (t.norm === 'may' && w[k + 1]?.norm === 'i'))) return false;
      // "Just a question, why do you keep…", "Quick question: why did the date move?": the writer
      // announces a question before asking it.
      const announced = nextWordWhere(sentence, 'ja/harsh-negative:announced', (t, k, w) => t.norm === 'question' && k > 0 && ANNOUNCING.has(w[k - 1]!.norm));
      if (announced && announced.start < tokens[i]!.start) return false;
      const genuine = nextWordWhere(sentence, 'ja/harsh-negative:genuine', (t) => GENUINE_QUESTION.has(t.norm));
      if (genuine && (genuine.start < tokens[i]!.start || nextWordWhere(sentence, 'ja/harsh-negative:genuine', (t) => GENUINE_QUESTION.has(t.norm), tokens[end - 1]!.end))) return false;
      // "Where don't you see them?", "Why don't you think it is optimal?": a wh-question that asks.
      // After "why", only "think" asks (or suggests: "why don't you think it over?"); "why don't
      // you see / understand / read…" reproaches.
      if (before !== undefined && (before !== 'why' || tokens[end - 1]!.norm === 'think') && WH_WORDS.has(before) && NEGATED_AUX.has(tokens[i]!.norm)) return false;
      // "Shouldn't you be able to solve it with equations?" suggests; "shouldn't you be the expert?" reproaches.
      if (next === 'able') return false;
      return !isConditional(tokens, i);
    }
    case 'bare-question':
      // "What is your question about?" asks for the topic.
      if (next === 'about') return false;
      // Opening the sentence, after a discourse word at most ("So what is the question?").
      for (let k = 0; k < i; k++) if (tokens[k]!.isWord && !(k < 2 && DISCOURSE_LEADS.has(tokens[k]!.norm))) return false;
      return isAimedAtReader(doc, sentence, 'question', i, end);
    case 'dismiss':
      return !isConditional(tokens, i);
  }
}

const SUGGESTIONS: Record<HarshKind, { en: string; ja: string }> = {
  question: {
    en: 'Ask for the reason, not the fault: "Could you help me understand the reasoning behind this?"',
    ja: '非難ではなく理由を尋ねましょう: "Could you help me understand the reasoning behind this?"',
  },
  insult: {
    en: 'Drop the label and say what needs to change: "Could we make the title more specific?"',
    ja: 'レッテルを貼らず、何を変えてほしいかを伝えましょう: "Could we make the title more specific?"',
  },
  'bare-question': {
    en: 'Ask for the reason, not the fault: "Could you help me understand the reasoning behind this?"',
    ja: '非難ではなく理由を尋ねましょう: "Could you help me understand the reasoning behind this?"',
  },
  dismiss: {
    en: 'Acknowledge the other view before giving yours: "I see your point; our view is a little different."',
    ja: '自分の意見の前に相手の見方を受け止めましょう: "I see your point; our view is a little different."',
  },
  disagree: {
    en: 'Keep face on both sides: "We see this a little differently. Could we look at it together?"',
    ja: '相手の面子を保つ言い方に: "We see this a little differently. Could we look at it together?"',
  },
  reject: {
    en: 'Soften the refusal and leave a door open: "That may be difficult for us. Could we discuss other options?"',
    ja: '断りを和らげ、余地を残しましょう: "That may be difficult for us. Could we discuss other options?"',
  },
  wrong: {
    en: 'Point to the facts, not the person: "There may be a misunderstanding. Our figures show..."',
    ja: '人ではなく事実を示しましょう: "There may be a misunderstanding. Our figures show..."',
  },
  judgement: {
    en: 'Drop the verdict and state the concern: "We have a concern about..."',
    ja: '断定的な評価をやめ、懸念として伝えましょう: "We have a concern about..."',
  },
  blame: {
    en: 'Describe what is missing and ask for help: "We have not yet received..., could you check?"',
    ja: '足りないものを伝え、協力をお願いしましょう: "We have not yet received..., could you check?"',
  },
  'disagree-verb': {
    en: 'Keep face on both sides: "We see this a little differently. Could we look at it together?"',
    ja: '相手の面子を保つ言い方に: "We see this a little differently. Could we look at it together?"',
  },
  'should-have': {
    en: 'Look forward instead of back: "Next time, could we run... together?"',
    ja: '過去を責めず、今後に目を向けましょう: "Next time, could we run... together?"',
  },
  directive: {
    en: 'Turn the order into a request: "Could you please...?"',
    ja: '命令ではなく依頼の形に: "Could you please...?"',
  },
  'no-start': {
    en: 'Avoid a bare "No": "Unfortunately, that may be difficult for us, because..."',
    ja: 'いきなり "No" と言わずに: "Unfortunately, that may be difficult for us, because..."',
  },
};

/** A report of the sentence-level classes, with which class it is. */
type SentenceReport = RuleReport & { kind: 'verdict' | 'refusal' | 'question' };

/**
 * The classes read one sentence at a time: a verdict on the reader's writing, a bare refusal, and
 * criticism put as a question (reported by the caller only in a sentence nothing else reported).
 */
function sentenceReports(body: string, sentences: readonly Sentence[]): SentenceReport[] {
  const out: SentenceReport[] = [];
  // A verdict on the reader's own writing: "Your question is too vague", "This description is
  // confusing". One pass over each sentence's words, a window of four after each noun.
  for (const s of sentences) {
    const words = sentenceWords(s);
    // The same verdict with its subject left out, opening the sentence: "Too vague.", "Way too
    // broad - which part?" (a degree word first, so "Unclear what you mean" is not read as one).
    let d = 0;
    while (d < words.length && d < 3 && VERDICT_DEGREE.has(words[d]!.norm)) d++;
    const bareVerdict = words[d];
    if (d > 0 && bareVerdict && WORK_VERDICTS.has(bareVerdict.norm)) {
      const at = firstTokenFrom(s.tokens, bareVerdict.start);
      if (!s.tokens[at + 1]?.isWord && !isQuoted(s, firstTokenFrom(s.tokens, words[0]!.start))) {
        out.push({ kind: 'verdict', start: words[0]!.start, end: bareVerdict.end, data: { phrase: body.slice(words[0]!.start, bareVerdict.end) }, suggestion: { text: SUGGESTIONS.insult } });
        continue;
      }
    }
    for (let k = 1; k + 2 < words.length; k++) {
      // "Your question is too vague" (the work, then the verdict), or "This is a pretty broad
      // question" (the verdict, then the work).
      const named = READERS_WORK.has(words[k]!.norm) && WORK_POINTERS.has(words[k - 1]!.norm) && COPULAS.has(words[k + 1]!.norm);
      const joined = words[k - 1]!.norm === "it's" || words[k - 1]!.norm === "that's";
      const pointed = !named && (joined || ((words[k - 1]!.norm === 'this' || words[k - 1]!.norm === 'that' || words[k - 1]!.norm === 'it') && COPULAS.has(words[k]!.norm)));
      if (!named && !pointed) continue;
      let j = named ? k + 2 : joined ? k : k + 1;
      while (j < words.length && j < k + 5 && (VERDICT_DEGREE.has(words[j]!.norm) || words[j]!.norm === 'like' || words[j]!.norm === 'a')) j++;
      const verdict = words[j];
      if (!verdict || !WORK_VERDICTS.has(verdict.norm)) continue;
      if (pointed && !READERS_WORK.has(words[j + 1]?.norm ?? '')) continue;
      const verdictEnd = pointed ? words[j + 1]! : verdict;
      if (isQuoted(s, firstTokenFrom(s.tokens, words[k - 1]!.start))) continue;
      const start = words[k - 1]!.start;
      out.push({ kind: 'verdict', start, end: verdictEnd.end, data: { phrase: body.slice(start, verdictEnd.end) }, suggestion: { text: SUGGESTIONS.insult } });
      break;
    }
  }
  // A sentence that is nothing but a refusal: "No." "Absolutely not!" ("No." is also an
  // abbreviation for "number", so the sentence splitter may have run it on into the next one.)
  for (const s of sentences) {
    const first = s.tokens[0];
    if (!first || !BARE_REFUSAL_STARTS.has(first.norm)) continue;
    let k = 0;
    while (k < s.tokens.length && k < 4 && s.tokens[k]!.isWord) k++;
    const stop = s.tokens[k];
    if (k === 0 || (stop !== undefined && stop.norm !== '.' && stop.norm !== '!' && !/^!+$/.test(stop.norm))) continue;
    // "No. 5" is a number.
    if (stop?.norm === '.' && /^\d/.test(s.tokens[k + 1]?.norm ?? '')) continue;
    if (!BARE_REFUSALS.has(s.tokens.slice(0, k).map((t) => t.norm).join(' '))) continue;
    const end = s.tokens[k - 1]!.end;
    out.push({ kind: 'refusal', start: first.start, end, data: { phrase: body.slice(first.start, end) }, suggestion: { text: SUGGESTIONS['no-start'] } });
  }
  // "Seriously?", "Really?", "What?" as a whole sentence, and a question to the reader that ends in
  // exasperation ("You want to rewrite it all?!"): criticism put as a question.
  for (const s of sentences) {
    // Bare sarcasm is a short sentence of its own; anything else must ask or exclaim.
    if (!s.isQuestion && !s.text.endsWith('?!') && !s.text.endsWith('!?') && !s.text.endsWith('!') && s.tokens.length > 8) continue;
    const words = s.tokens.filter((t) => t.isWord);
    const said = words.length <= 5 && words.length > 0 ? words.map((t) => t.norm).join(' ') : '';
    const sarcasm = BARE_SARCASM.has(said);
    // "Why???": a why that asks three times is exasperated, where a single "Why?" asks.
    const bare = (s.isQuestion && (BARE_CHALLENGES.has(said) || (said === 'why' && s.text.endsWith('??')))) || sarcasm;
    // A statement turned into a question ("You want us to start over?!", "So you deleted it?!"),
    // not an excited yes/no question ("Are you still in town??!!").
    const exasperated = EXASPERATED_END.test(s.text) && EXASPERATED_OPENERS.has(words[0]?.norm ?? '') && words.some((t) => t.norm === 'you' || t.norm === 'your' || t.norm === 'u');
    if (!bare && !exasperated) continue;
    if (isQuoted(s, s.tokens.indexOf(words[0]!))) continue;
    out.push({ kind: 'question', start: s.start, end: s.end, data: { phrase: body.slice(s.start, s.end) }, suggestion: { text: sarcasm ? SUGGESTIONS.dismiss : SUGGESTIONS.question } });
  }
  return out;
}

function withoutKind({ kind: _kind, ...report }: SentenceReport): RuleReport {
  return report;
}

const english = defineRule({
  id: 'ja/harsh-negative',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Direct refusal, disagreement or criticism that makes the reader lose face.',
    ja: '相手の面子をつぶす、直接的な拒否・反論・批判。',
  },
  messages: {
    default: {
      en: 'Harsh wording: "{phrase}" reads as a direct refusal or criticism.',
      ja: '強すぎる表現: 「{phrase}」は直接的な拒否や批判として受け取られます。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese business partners rarely say "no" outright; an open refusal or criticism makes them lose face and can damage the relationship more than the disagreement itself.',
      ja: '日本のビジネスでは、はっきり「ノー」と言うことはまれです。あからさまな拒否や批判は相手の面子をつぶし、意見の違いそのものよりも関係を傷つけます。',
    },
  },
  advice: {
    en: 'Soften and keep face: "That may be difficult for us", "We see it a little differently", "Could we look at this together?"',
    ja: '和らげて面子を保ちましょう: "That may be difficult for us", "We see it a little differently", "Could we look at this together?"',
  },
  // Each finding is its sentence's own (and the Japanese wording's, its paragraph's): a long
  // draft's slices keep them window by window (src/engine/sliced.ts).
  scope: 'sentence',
  check(doc) {
    const reports: RuleReport[] = [];
    for (const m of doc.match(HARSH_PHRASES)) {
      const sentence = doc.sentenceAt(m.start);
      if (!sentence) continue;
      const i = firstTokenFrom(sentence.tokens, m.start);
      const end = firstTokenFrom(sentence.tokens, m.end);
      // Words the writer quotes or names ("-1 'I don't agree' everywhere") are not said to the reader.
      if (isQuoted(sentence, i)) continue;
      if (!isAimedAtReader(doc, sentence, m.entry.tag, i, end)) continue;
      const start = m.entry.tag === 'disagree-verb' ? sentence.tokens[writerDisagrees(sentence.tokens, i)]!.start : m.start;
      // A pattern that ends on punctuation ("push back ,") reports the words only.
      let last = end - 1;
      while (last > i && !sentence.tokens[last]!.isWord) last--;
      const spanEnd = sentence.tokens[last]!.end;
      const replacement = m.entry.replacement && spanEnd === m.end ? m.entry.replacement : undefined;
      reports.push({
        start,
        end: spanEnd,
        data: { phrase: doc.body.slice(start, spanEnd) },
        suggestion: { text: SUGGESTIONS[m.entry.tag], ...(replacement ? { replacement } : {}) },
      });
    }
    // The sentence-level classes, kept per paragraph: a keystroke re-reads only the paragraph it
    // changed.
    const perSentence = doc.reportsPerParagraph('ja/harsh-negative:sentences', (p) => sentenceReports(doc.body, p.sentences));
    for (const r of perSentence) if (r.kind !== 'question') reports.push(withoutKind(r));
    // "Seriously?", "Really?", "What?" as a whole sentence, and a question to the reader that ends
    // in exasperation: not again in a sentence already reported.
    const reported = new Set(reports.map((r) => doc.sentenceAt(r.start!)?.start));
    for (const r of perSentence) if (r.kind === 'question' && !reported.has(r.start)) reports.push(withoutKind(r));
    return reports.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  },
  examples: {
    fire: [
      { text: 'Why would you change the spec without telling us??', excerpt: 'Why would you' },
      { text: 'What are you talking about?', excerpt: 'What are you talking about' },
      { text: 'Did you even read the report?', excerpt: 'Did you even' },
      { text: 'Why not just ship the old version?', excerpt: 'Why not just' },
      { text: 'Care to explain the new fee?', excerpt: 'Care to explain' },
      { text: 'You moved the launch again. Seriously?', excerpt: 'Seriously?' },
      { text: 'You want us to redo the whole layout?!', excerpt: 'You want us to redo the whole layout?!' },
      { text: 'What do you mean you cannot ship until May?', excerpt: 'What do you mean you cannot' },
      { text: 'Should we do your job for you as well?', excerpt: 'do your job for you' },
      { text: "That's your opinion.", excerpt: "That's your opinion" },
      { text: 'You did not answer the question.', excerpt: 'You did not answer' },
      { text: 'No. We will keep the current price.', excerpt: 'No' },
      { text: 'That price simply doesn\'t work for us.', excerpt: "doesn't work for us", output: 'That price simply would be difficult for us.' },
      { text: 'An 8% increase is frankly unacceptable.', excerpt: 'unacceptable' },
      { text: "I don't agree that the fee is out of line with the market.", excerpt: "I don't agree" },
      { text: 'I have to push back on that estimate.', excerpt: 'I have to push back on' },
      { text: 'Your team should have run the negative controls on the same plate.', excerpt: 'Your team should have' },
      { text: 'Without them, the viability numbers are clearly skewed.', excerpt: 'clearly skewed' },
      { text: "That's wrong: the order was for 500 units.", excerpt: "That's wrong" },
      { text: 'You are mistaken about the delivery terms.', excerpt: 'You are mistaken' },
      { text: 'We strongly disagree with your assessment.', excerpt: 'We strongly disagree' },
      { text: 'That won\'t work for our launch.', excerpt: "That won't work" },
      { text: 'This proposal is ridiculous.', excerpt: 'ridiculous' },
      { text: 'Obviously the discount applies only to new orders.', excerpt: 'Obviously' },
      { text: 'You failed to send the drawings on time.', excerpt: 'You failed to' },
      { text: 'You must send the forms by Monday.', excerpt: 'You must' },
      { text: 'We refuse to pay the storage charges.', excerpt: 'We refuse' },
      { text: 'No, we cannot lower the price again.', excerpt: 'No, we cannot' },
      { text: 'Why didn\'t you tell us about the change?', excerpt: "Why didn't you" },
      { text: 'With all due respect, the data says otherwise.', excerpt: 'With all due respect' },
      { text: "I'm not convinced the new supplier is reliable.", excerpt: "I'm not convinced" },
      { text: "Can't you just reuse last year's layout?", excerpt: "Can't you just" },
      { text: 'So what is your question?', excerpt: 'what is your question' },
      { text: 'A full redesign by Monday? Good luck with that.', excerpt: 'Good luck with that.' },
      { text: 'I have no idea what you are talking about.', excerpt: 'I have no idea what you are talking' },
      { text: 'Your proposal is too vague. Could you add the volumes?', excerpt: 'Your proposal is too vague' },
    ],
    pass: [
      { text: 'What do you mean by "net price" in the table?' },
      { text: 'Would you care to join us for dinner on Friday?' },
      { text: 'Why not try the sample first?' },
      { text: 'We finally got the permit?!' },
      { text: 'Could you tell me why the date moved?' },
      { text: 'Out of curiosity, why did you pick the blue casing?' },
      { text: 'Why not join us for dinner on Friday?' },
      { text: "Why don't you try the newer driver?" },
      { text: 'What are you trying to achieve with the merge?' },
      { text: 'No problem at all, Wednesday works well for us.' },
      { text: 'Could you reply no later than Friday?' },
      { text: 'The file did not open on our side, so we will resend it.' },
      { text: 'I know you must be very busy at the end of the quarter.' },
      { text: 'That was our failure: we should have warned you on the 7th.' },
      { text: 'A bad config change that our own deploy checks should have caught.' },
      { text: 'You should have received the samples by now.' },
      { text: 'All you need to do is check the attached figures.' },
      { text: 'If that does not work for you, we can find another day.' },
      { text: 'I couldn\'t agree more with your proposal.' },
      { text: 'You are right that the figures did not match the appendix.' },
      { text: 'We need to push back the launch by a week.' },
      { text: 'There seems to be a mix-up in the room block.' },
      { text: 'The copy we received lists the items without codes.' },
      { text: 'That is not unreasonable, and we are happy to discuss it.' },
      { text: 'This delay is unacceptable on our part, and we apologize.' },
      { text: 'Good luck with the launch tomorrow!' },
      { text: 'My question was too vague, sorry: could you send the volumes?' },
      { text: 'Your proposal is not vague at all.' },
      { text: 'Silly question, but does the lid close?' },
      { text: 'The plain link worked here. That does not work for you?' },
      { text: 'Everyone keeps saying "I don\'t agree" without reasons.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/harsh-negative.ts) runs instead.
export default withJapanese(english, harshNegativeJa);
