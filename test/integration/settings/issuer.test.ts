/**
 * How the organisation and signers print (shared/domain/issuer.ts), the functions both the
 * Word documents and the Cài đặt preview call.
 */
import { describe, expect, it } from 'vitest'
import {
  abbreviationKey,
  congressTermYears,
  formatDocumentDate,
  isSymbolSafe,
  issuerNameLines,
  legalBasisLines,
  signingAuthorityLine
} from '../../../shared/domain/issuer'

describe('issuer', () => {
  it('adds the level to an authority naming only the body, and leaves any other as entered', () => {
    expect(signingAuthorityLine('TM. BAN THƯỜNG VỤ', 'TỈNH ĐOÀN')).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    expect(signingAuthorityLine(' tm.  Ban Chấp hành ', 'THÀNH ĐOÀN')).toBe('tm. Ban Chấp hành THÀNH ĐOÀN')
    expect(signingAuthorityLine('TL. BAN THƯỜNG VỤ TỈNH ĐOÀN', 'THÀNH ĐOÀN')).toBe(
      'TL. BAN THƯỜNG VỤ TỈNH ĐOÀN'
    )
    expect(signingAuthorityLine('KT. TRƯỞNG BAN', 'TỈNH ĐOÀN')).toBe('KT. TRƯỞNG BAN')
  })

  it("splits the issuer name at the clerk's line break, dropping empty lines", () => {
    expect(issuerNameLines('BCH ĐOÀN TỈNH\r\n\n  LÂM   ĐỒNG ')).toEqual(['BCH ĐOÀN TỈNH', 'LÂM ĐỒNG'])
    expect(issuerNameLines('')).toEqual([])
  })

  it('writes the date words with the zero-padding of S1', () => {
    expect(formatDocumentDate('2025-02-05')).toBe('ngày 05 tháng 02 năm 2025')
    expect(formatDocumentDate('2025-10-15')).toBe('ngày 15 tháng 10 năm 2025')
  })

  it('accepts letters, digits and "&" in an abbreviation, and reads case and diacritics alike', () => {
    expect(['XDĐ', 'CTĐ&TTN', 'BTG2'].every(isSymbolSafe)).toBe(true)
    expect(['XD/Đ', 'XD-Đ', 'XD Đ', 'X.D'].some(isSymbolSafe)).toBe(false)
    expect(abbreviationKey('XDĐ')).toBe(abbreviationKey('xdd'))
    expect(abbreviationKey('TCKT')).not.toBe(abbreviationKey('TCKĐ'))
  })

  it('reads a congress term written with any dash', () => {
    expect(congressTermYears('2022 – 2027')).toEqual([2022, 2027])
    expect(congressTermYears('2022-2027')).toEqual([2022, 2027])
    expect(congressTermYears('nhiệm kỳ 2022')).toBeNull()
  })

  it('ends each legal basis line with ";" and the last with ","', () => {
    expect(legalBasisLines('Căn cứ A.\n\nCăn cứ B;\n Căn cứ C ')).toEqual([
      'Căn cứ A;',
      'Căn cứ B;',
      'Căn cứ C,'
    ])
    expect(legalBasisLines(null)).toEqual([])
  })
})
