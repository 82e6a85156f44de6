/**
 * What Cài đặt changes in the Word documents, end to end through the API: the organisation
 * (with the clerk's line break), the place in the date line, the default signer with the
 * authority line completed by the level, the number with the office's abbreviation, and the
 * year's legal basis opening the year report and the quarter plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findParagraph, paragraphsOf, plainText, readDocx, type Para } from '../reports/docx-xml'
import { openSettingsApi, type Api } from './helpers'

let api: Api

beforeAll(async () => {
  api = await openSettingsApi()
}, 60_000)

afterAll(() => api?.fixture.close())

async function paragraphs(contentBase64: string): Promise<Para[]> {
  return paragraphsOf((await readDocx(Buffer.from(contentBase64, 'base64'))).document)
}

const LEGAL_BASIS =
  'Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC ngày 01/3/2019 của Ban Bí thư Trung ương Đoàn về chế độ đi công tác cơ sở;\n' +
  'Căn cứ Kế hoạch số 12-KH/TĐTN-XDĐ ngày 15/01/2025 của Ban Thường vụ Tỉnh đoàn.'

describe('documents use the settings', () => {
  it('prints the organisation, the place, the default signer and the number in the year report', async () => {
    await api.call('organisation.save', {
      issuerName: 'BAN CHẤP HÀNH ĐOÀN\nTỈNH LÂM ĐỒNG',
      issuerLevelName: 'TỈNH ĐOÀN',
      placeName: 'Lâm Đồng',
      issuerAbbreviation: 'TĐTN',
      congressTerm: '2022 – 2027',
      congressTermStart: '2022-10-20'
    })
    // Entered first, but not the default: the documents must take the default one.
    await api.call('signers.save', {
      fullName: 'Lê Văn Cường',
      position: 'Bí thư',
      authority: 'TM. BAN THƯỜNG VỤ',
      isDefault: false
    })
    await api.call('signers.save', {
      fullName: 'Trần Thị Bình',
      position: 'Phó Bí thư',
      authority: 'TM. BAN THƯỜNG VỤ',
      isDefault: true
    })
    await api.call('settings.saveYear', {
      ...(await api.call('settings.getYear', { year: 2025 })),
      legalBasis: LEGAL_BASIS
    })

    const issued = await api.call('documents.issue', { document: 'year-report', year: 2025, draft: false })
    expect(issued.outcome).toBe('numbered')
    expect(issued.issued?.symbol).toBe('01-BC/TĐTN-VP')
    expect(issued.issued?.congressTerm).toBe('2022 – 2027')
    const paras = await paragraphs(issued.contentBase64)
    const texts = paras.map((p) => p.text)

    // The clerk's line break: two bold header lines, in this order, right before "***".
    const first = texts.indexOf('BAN CHẤP HÀNH ĐOÀN')
    expect(first).toBeGreaterThanOrEqual(0)
    expect(texts.slice(first, first + 3)).toEqual(['BAN CHẤP HÀNH ĐOÀN', 'TỈNH LÂM ĐỒNG', '***'])
    expect(paras[first]?.runs[0]).toMatchObject({ bold: true, size: 28 })
    expect(texts).toContain('Số: 01-BC/TĐTN-VP')
    expect(texts).toContain('Lâm Đồng, ngày 05 tháng 01 năm 2026')

    // The signature: the default signer, the authority with the level, the position in capitals.
    const authority = texts.indexOf('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    expect(authority).toBeGreaterThan(0)
    expect(texts.slice(authority, authority + 3)).toEqual([
      'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      'PHÓ BÍ THƯ',
      'Trần Thị Bình'
    ])
    expect(texts).not.toContain('Lê Văn Cường')

    // The legal basis opens the report: one "Căn cứ" per paragraph, ";" then "," (DOCUMENT-FORMAT §7).
    const basis = texts.findIndex((t) => t.startsWith('Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC'))
    expect(texts.slice(basis, basis + 3)).toEqual([
      'Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC ngày 01/3/2019 của Ban Bí thư Trung ương Đoàn về chế độ đi công tác cơ sở;',
      'Căn cứ Kế hoạch số 12-KH/TĐTN-XDĐ ngày 15/01/2025 của Ban Thường vụ Tỉnh đoàn,',
      'Ban Thường vụ Tỉnh đoàn báo cáo kết quả thực hiện chế độ đi công tác cơ sở của cán bộ Tỉnh đoàn năm 2025 như sau:'
    ])
    expect(basis).toBeGreaterThan(texts.indexOf('BÁO CÁO'))
    expect(plainText((await readDocx(Buffer.from(issued.contentBase64, 'base64'))).document)).not.toContain(
      'Thực hiện chủ trương của Ban Bí thư'
    )
    // The Văn bản screen offers the same opening as the slot's default.
    const preview = await api.call('documents.preview', { document: 'year-report', year: 2025 })
    expect(preview.texts.find((t) => t.key === 'opening')?.defaultText.split('\n')[0]).toMatch(
      /^Căn cứ Hướng dẫn số 25/
    )
  })

  it('opens the quarter plan with the same legal basis, and a year without one with the general opening', async () => {
    const plan = await api.call('documents.preview', { document: 'quarter-plan', year: 2025, quarter: 4 })
    const texts = (await paragraphs(plan.contentBase64)).map((p) => p.text)
    const basis = texts.findIndex((t) => t.startsWith('Căn cứ Kế hoạch số 12-KH/TĐTN-XDĐ'))
    expect(texts[basis]).toBe(
      'Căn cứ Kế hoạch số 12-KH/TĐTN-XDĐ ngày 15/01/2025 của Ban Thường vụ Tỉnh đoàn,'
    )
    expect(texts[basis + 1]).toBe(
      'Ban Thường vụ Tỉnh đoàn xây dựng kế hoạch đi công tác cơ sở của cán bộ Tỉnh đoàn quý IV năm 2025 như sau:'
    )

    const other = await api.call('documents.preview', { document: 'quarter-plan', year: 2026, quarter: 1 })
    const otherTexts = (await paragraphs(other.contentBase64)).map((p) => p.text)
    expect(otherTexts.some((t) => t.startsWith('Căn cứ'))).toBe(false)
    expect(otherTexts.some((t) => t.startsWith('Thực hiện chủ trương của Ban Bí thư Trung ương Đoàn'))).toBe(
      true
    )
  })

  it('prints "Thành đoàn" words and the authority line of a Thành đoàn', async () => {
    const org = await api.call('organisation.get', {})
    await api.call('organisation.save', {
      ...org!,
      issuerName: 'BCH ĐOÀN THÀNH PHỐ\nHỒ CHÍ MINH',
      issuerLevelName: 'THÀNH ĐOÀN',
      placeName: 'TP. Hồ Chí Minh'
    })
    const preview = await api.call('documents.preview', { document: 'year-report', year: 2025 })
    const paras = await paragraphs(preview.contentBase64)
    expect(findParagraph(paras, (t) => t.startsWith('TM. BAN')).text).toBe('TM. BAN THƯỜNG VỤ THÀNH ĐOÀN')
    expect(findParagraph(paras, (t) => t.startsWith('TP. Hồ Chí Minh, ngày')).text).toMatch(/năm 2026$/)
    expect(paras.map((p) => p.text)).toContain(
      'Ban Thường vụ Thành đoàn báo cáo kết quả thực hiện chế độ đi công tác cơ sở của cán bộ Thành đoàn năm 2025 như sau:'
    )
  })
})
