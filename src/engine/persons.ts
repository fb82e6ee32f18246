/**
 * Who a word points at: the writer (I, we, and their contractions), the reader (you). One
 * definition for the rules that ask whose action, problem or timing a sentence is about
 * (ja/self-centered, ja/harsh-negative, ja/pressure, ja/punctuality, ja/missing-apology).
 * Words are compared in their normalised form (lower case, straight apostrophes).
 */

/** The writer as the subject of a clause: "I", "we" and their contractions. */
export const WRITER_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', "i'm", "we're", "i'd", "we'd", "i'll", "we'll", "i've", "we've"]);

/** Every first-person word: the subjects and me, my, mine, myself, us, our, ours, ourselves. */
export const FIRST_PERSON: ReadonlySet<string> = new Set([...WRITER_SUBJECTS, 'me', 'my', 'mine', 'myself', 'us', 'our', 'ours', 'ourselves']);

/** Every second-person word. */
export const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'll", "you'd", "y'all"]);
