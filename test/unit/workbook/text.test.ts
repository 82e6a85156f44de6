/**
 * Detection of text typed in the old Vietnamese font encodings, and the loose key used to
 * match headers and labels.
 */
import { describe, expect, it } from 'vitest'
import { foldKey, looksLegacyEncoded } from '../../../electron/services/workbook/text'
import {
  CONTENT_KIND_LABELS,
  EXEMPTION_REASON_LABELS,
  TRIP_STATUS_LABELS,
  UNIT_KIND_LABELS
} from '../../../shared/domain/kinds'

describe('looksLegacyEncoded', () => {
  it.each([
    ['NguyÔn V¨n An', 'TCVN3: Nguyễn Văn An'],
    ['§oµn x· T©n ¢n', 'TCVN3: Đoàn xã Tân Ân'],
    ['BÝ th\u00ad', 'TCVN3: Bí thư (ư is a soft hyphen)'],
    ['Hµ Néi', 'TCVN3: Hà Nội'],
    ['ViÖt Nam', 'TCVN3: Việt Nam'],
    ['Thanh niªn', 'TCVN3: Thanh niên'],
    ['Nguyeãn Vaên An', 'VNI: Nguyễn Văn An'],
    ['Ñoaøn xaõ Taân AÂn', 'VNI: Đoàn xã Tân Ân'],
    ['Bí thö', 'VNI: Bí thư'],
    ['Haø Noäi', 'VNI: Hà Nội'],
    ['Leâ Thò Hoa', 'VNI: Lê Thị Hoa'],
    ['NGUYEÃN VAÊN AN', 'VNI upper case: NGUYỄN VĂN AN']
  ])('flags %s (%s)', (text) => {
    expect(looksLegacyEncoded(text)).toBe(true)
  })

  const unicode = [
    'Nguyễn Hồng Thắm',
    'Trần Văn Bé',
    'Lê Minh Đức',
    'Phạm Thị Ý',
    'Võ Quang Ánh',
    'Huỳnh Thị Ơn',
    'Tạ Văn Út',
    'Tháng Thanh niên',
    'Tân Ân',
    'TÂN ÂN',
    'Quân',
    'Hoà Bình',
    'HOÀNG',
    'Thuý',
    'KHUÊ',
    'Toàn',
    'Khoá',
    'Phú',
    'Chuyên viên',
    'Có',
    'Sáng',
    'ABC-123',
    'TR001',
    'iPhone 15',
    ...Object.values(CONTENT_KIND_LABELS),
    ...Object.values(TRIP_STATUS_LABELS),
    ...Object.values(EXEMPTION_REASON_LABELS),
    ...Object.values(UNIT_KIND_LABELS)
  ]
  it.each(unicode)('does not flag Unicode text "%s"', (text) => {
    expect(looksLegacyEncoded(text)).toBe(false)
    expect(looksLegacyEncoded(text.toUpperCase())).toBe(false)
  })
})

describe('foldKey', () => {
  it('drops case, diacritics (đ → d) and extra spaces', () => {
    expect(foldKey(' MÃ  CÁN BỘ ')).toBe('ma can bo')
    expect(foldKey('Đơn vị')).toBe(foldKey('don vi'))
    expect(foldKey('Mã đơn vị cấp trên')).toBe('ma don vi cap tren')
    expect(foldKey('Nguyễn'.normalize('NFD'))).toBe('nguyen')
  })
})
