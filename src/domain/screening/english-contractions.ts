/**
 * English contractions, with or without the apostrophe, spelled out so patterns can look for "not".
 * Possessive "'s" is dropped ("employer's" → "employer"); "he's/she's/it's" become "… is".
 */
const FIXED: ReadonlyMap<string, string> = new Map([
  ["can't", "can not"],
  ["cant", "can not"],
  ["cannot", "can not"],
  ["won't", "will not"],
  ["wont", "will not"],
  ["don't", "do not"],
  ["dont", "do not"],
  ["didn't", "did not"],
  ["didnt", "did not"],
  ["doesn't", "does not"],
  ["doesnt", "does not"],
  ["isn't", "is not"],
  ["isnt", "is not"],
  ["wasn't", "was not"],
  ["wasnt", "was not"],
  ["aren't", "are not"],
  ["arent", "are not"],
  ["weren't", "were not"],
  ["werent", "were not"],
  ["haven't", "have not"],
  ["havent", "have not"],
  ["hasn't", "has not"],
  ["hasnt", "has not"],
  ["hadn't", "had not"],
  ["hadnt", "had not"],
  ["couldn't", "could not"],
  ["couldnt", "could not"],
  ["wouldn't", "would not"],
  ["wouldnt", "would not"],
  ["shouldn't", "should not"],
  ["shouldnt", "should not"],
  ["i'm", "i am"],
  ["im", "i am"],
  ["he's", "he is"],
  ["she's", "she is"],
  ["it's", "it is"],
  ["that's", "that is"],
  ["there's", "there is"],
  ["what's", "what is"],
  ["who's", "who is"],
]);

const SUFFIXES: ReadonlyArray<readonly [suffix: string, expansion: string]> = [
  ["'re", "are"],
  ["'ve", "have"],
  ["'ll", "will"],
  ["'d", "would"],
  ["n't", "not"],
];

/** Expands one lower-cased word; returns undefined when the word is not a contraction. */
export function expandContraction(word: string): string | undefined {
  const fixed = FIXED.get(word);
  if (fixed !== undefined) return fixed;
  for (const [suffix, expansion] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length > suffix.length) return `${word.slice(0, -suffix.length)} ${expansion}`;
  }
  if (word.endsWith("'s") && word.length > 2) return word.slice(0, -2);
  if (word.endsWith("s'") && word.length > 2) return word.slice(0, -1);
  return undefined;
}
