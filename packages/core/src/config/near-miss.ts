/** The first of `known` within two edits of `word` (a typo, not a different name), if any. */
export function nearMiss(word: string, known: readonly string[]): string | undefined {
  return known.find((candidate) => Math.abs(candidate.length - word.length) <= 2 && editDistance(candidate, word) <= 2);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
