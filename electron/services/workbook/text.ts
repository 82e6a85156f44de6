/**
 * Text rules of the workbook: NFC + trim for stored values, a folded key for matching headers
 * and labels loosely, and detection of text typed in the old Vietnamese font encodings.
 */

/** Stored form of a text value: NFC Unicode, trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim()
}

/** A cell whose line breaks matter (Alt+Enter): each line cleaned, empty lines dropped. */
export function cleanLines(value: string): string {
  return value
    .normalize('NFC')
    .split(/\r\n|\r|\n|_x000D_/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * Loose matching key: no case, no diacritics (đ → d), single spaces, so "ma can bo",
 * " MÃ CÁN BỘ " and "Mã cán bộ" all meet.
 */
export function foldKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

// Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the precomposed tone block): text in a
// legacy font encoding is pure Latin-1 and never contains them.
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/

// Latin-1 characters that Vietnamese never uses but TCVN3 (ABC) and VNI fonts draw as
// Vietnamese letters: "§" = Đ, "µ" = à, "­" (soft hyphen) = ư, "¬" = ơ, "ª" = ê, VNI "ø" = huyền,
// "ö" = ư, "ï" = nặng, "ñ" = đ ... The Latin-1 letters Vietnamese does use (à á â ã è é ê ì í
// ò ó ô õ ù ú ý) are left out on purpose.
const LEGACY_MARKERS =
  /[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/

// TCVN3 puts lowercase toned vowels on uppercase Latin-1 codes ("NguyÔn" = Nguyễn): an
// uppercase accented vowel right after a lowercase letter does not happen in real text.
const TCVN3_CASE_CLASH = /[a-z][\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd]/

// VNI writes the base vowel then the mark as a second character ("Vaên" = Văn, "Nguyeãn" =
// Nguyễn, "Laù" = Lá); these pairs never occur in Unicode Vietnamese.
const VNI_PAIRS =
  /[aeoAEO][\u00e2\u00c2]|[aeAE][\u00e0\u00e1\u00e3\u00ea\u00c0\u00c1\u00c3\u00ca]|[aeiouyAEIOUY][\u00f9\u00fa\u00d9\u00da]/

/** True when the text looks typed in TCVN3/ABC or VNI ("font chữ cũ") rather than Unicode. */
export function looksLegacyEncoded(value: string): boolean {
  if (UNICODE_VIETNAMESE.test(value)) return false
  return LEGACY_MARKERS.test(value) || TCVN3_CASE_CLASH.test(value) || VNI_PAIRS.test(value)
}

export const LEGACY_ENCODING_MESSAGE = 'văn bản gõ bằng bảng mã cũ (TCVN3/VNI), hãy chuyển sang Unicode'

// The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below).
// The vowel marks (circumflex, breve, horn) are part of the letter and are kept.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g

/**
 * A name reduced to how it is spelled: no case, single spaces, one Unicode form, and each
 * word's tone mark taken apart from the vowel it sits on, so the old and new placements
 * ("Hoà" / "Hòa", "Thuý" / "Thúy") are the same spelling. "Hà" and "Hạ" stay different.
 */
export function spellingKey(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => {
      const tones = word.match(TONE_MARKS) ?? []
      return word.replace(TONE_MARKS, '').normalize('NFC') + tones.join('')
    })
    .join(' ')
}

function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036f]|[đĐ]/.test(text.normalize('NFD'))
}

/**
 * True when a stored name and the name a workbook gives the same code are different names,
 * not the same name written another way. Not a rename: case, spaces, Unicode form, tone
 * placement, and a name typed without any diacritics next to its accented form
 * ("Nguyen Van An" / "Nguyễn Văn An"). A rename: any other difference, including one tone
 * ("Lê Thị Hà" / "Lê Thị Hạ" are two names).
 */
export function isRename(oldName: string, newName: string): boolean {
  if (spellingKey(oldName) === spellingKey(newName)) return false
  if (foldKey(oldName) === foldKey(newName) && (!hasDiacritics(oldName) || !hasDiacritics(newName)))
    return false
  return true
}
