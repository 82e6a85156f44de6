/**
 * The search every list uses (cadres, units, trips): case and diacritics do not matter, so
 * "ngoc" finds "Ngọc" and "duc" finds "Đức" (đ is a letter of its own in Unicode, not d with
 * a mark, so it is folded by hand). Every word typed must appear somewhere in the text.
 */

/** Lower case, no tone or vowel marks, đ → d, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** True when every word of `query` is found in one of `fields` (an empty query matches all). */
export function matchesSearch(query: string, ...fields: Array<string | null | undefined>): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldForSearch(fields.filter((f): f is string => typeof f === 'string').join(' '))
  return words.every((word) => haystack.includes(word))
}
