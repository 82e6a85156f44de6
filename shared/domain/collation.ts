/**
 * Vietnamese name order: by given name (the last word), then the middle name(s), then the
 * family name, each compared with Vietnamese collation (a < ă < â, d < đ, tones after the
 * base letter). ICU's "vi" collation (in Node and Chromium) does the letter order; this
 * module only decides which words are compared first.
 */

const collator = new Intl.Collator('vi', { sensitivity: 'accent', numeric: true })

export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return { family: '', middle: '', given: '' }
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' }
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? ''
  }
}

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'))
}

export function compareVietnameseNames(a: string, b: string): number {
  const x = splitVietnameseName(a)
  const y = splitVietnameseName(b)
  return (
    compareVietnamese(x.given, y.given) ||
    compareVietnamese(x.middle, y.middle) ||
    compareVietnamese(x.family, y.family)
  )
}

/** A name split once for sorting many (compareVietnameseNames splits both names on every comparison). */
export type VietnameseNameKey = Readonly<{ family: string; middle: string; given: string }>

export function vietnameseNameKey(fullName: string): VietnameseNameKey {
  const { family, middle, given } = splitVietnameseName(fullName)
  // compareVietnamese normalises each part before comparing; so does the key, once.
  return { family: family.normalize('NFC'), middle: middle.normalize('NFC'), given: given.normalize('NFC') }
}

/** The order of compareVietnameseNames, on keys made by vietnameseNameKey (parts already NFC). */
export function compareVietnameseNameKeys(x: VietnameseNameKey, y: VietnameseNameKey): number {
  return (
    collator.compare(x.given, y.given) ||
    collator.compare(x.middle, y.middle) ||
    collator.compare(x.family, y.family)
  )
}
