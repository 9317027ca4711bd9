/**
 * `size` pronounceable made-up words, the same on every run (no real word is needed: each
 * language's stemmer reads them alike), for benchmarks that seed searchable text.
 */
export function pronounceableWords(size: number): string[] {
  const c = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
  const v = ['a', 'e', 'i', 'o', 'u'];
  const words = new Set<string>();
  for (let i = 0; words.size < size; i++) {
    const syllables = 2 + (i % 3);
    let w = '';
    let x = i * 2654435761;
    for (let s = 0; s < syllables; s++) {
      w += c[Math.abs(x) % c.length] + v[Math.abs(x >> 4) % v.length];
      x = Math.imul(x ^ (x >>> 13), 1274126177);
    }
    words.add(w);
  }
  return [...words];
}
