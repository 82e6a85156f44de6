/** How Cài đặt stores what the clerk typed: NFC, trimmed, inner runs of spaces collapsed. */

export function cleanLine(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/** Several lines (a two-line issuer name, a legal basis): each line cleaned, empty lines dropped. */
export function cleanLines(text: string): string {
  return text.normalize('NFC').split(/\r?\n/).map(cleanLine).filter(Boolean).join('\n')
}

/** Abbreviations print in capitals in document symbols ("XDĐ", "TĐTN"). */
export function upperAbbreviation(text: string): string {
  return cleanLine(text).toLocaleUpperCase('vi')
}

/** Case-insensitive comparison of names typed by people (diacritics still count: "Hà" ≠ "Hả"). */
export function sameName(a: string, b: string): boolean {
  return cleanLine(a).toLocaleLowerCase('vi') === cleanLine(b).toLocaleLowerCase('vi')
}
