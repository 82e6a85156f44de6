/**
 * The register of issued documents on a real SQLite file: one sequence per type per congress
 * term, numbers taken inside the write transaction with a change-log row, and what happens
 * when the office has not entered its details yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeLog, changeRows, issuedDocuments } from '../../../electron/db/schema'
import { issueDocument, listIssuedDocuments, nextNumber } from '../../../electron/services/documents'
import { exportDocument } from '../../../electron/reports/export'
import { PLACEHOLDER } from '../../../electron/reports/load'
import { AppError } from '../../../shared/api/errors'
import { eq } from 'drizzle-orm'
import { paragraphsOf, plainText, readDocx } from './docx-xml'
import { openFixtureDb, type FixtureDb } from './fixture-db'

let fixture: FixtureDb

beforeAll(async () => {
  fixture = await openFixtureDb()
}, 60_000)

afterAll(() => fixture?.close())

const base = {
  congressTerm: '2022–2027',
  issuerAbbreviation: 'TĐTN',
  departmentAbbreviation: 'XDĐ',
  title: 'Kết quả thực hiện chế độ đi công tác cơ sở năm 2025',
  issuedDate: '2025-12-20'
}

describe('numbering', () => {
  it('runs one sequence per type and per congress term, from 01', () => {
    const ctx = fixture.at('2025-12-20')
    expect(nextNumber(ctx, 'BC', '2022–2027')).toBe(1)
    expect(issueDocument(ctx, { ...base, typeCode: 'BC' }).symbol).toBe('01-BC/TĐTN-XDĐ')
    expect(issueDocument(ctx, { ...base, typeCode: 'BC' }).symbol).toBe('02-BC/TĐTN-XDĐ')
    expect(issueDocument(ctx, { ...base, typeCode: 'KH', departmentAbbreviation: 'VP' }).symbol).toBe(
      '01-KH/TĐTN-VP'
    )
    expect(nextNumber(ctx, 'BC', '2022–2027')).toBe(3)
    // A new term starts again at 01; the old term's numbers stay.
    expect(issueDocument(ctx, { ...base, typeCode: 'BC', congressTerm: '2027–2032' }).number).toBe(1)
    expect(
      listIssuedDocuments(ctx, { congressTerm: '2022–2027', typeCode: 'BC' }).map((d) => d.number)
    ).toEqual([2, 1])
  })

  it('does not restart with the year (S1 III.3.1)', () => {
    const ctx = fixture.at('2026-01-02')
    expect(issueDocument(ctx, { ...base, typeCode: 'BC', issuedDate: '2026-01-02' }).symbol).toBe(
      '03-BC/TĐTN-XDĐ'
    )
  })

  it('records each number in the change log of the same transaction, in words and as the row', () => {
    const ctx = fixture.at('2026-01-02')
    const issued = issueDocument(ctx, { ...base, typeCode: 'TB' })
    const log = ctx.db.select().from(changeLog).where(eq(changeLog.entityKey, issued.symbol)).all()
    expect(log).toHaveLength(1)
    const label = `Cấp số văn bản 01-TB/TĐTN-XDĐ: ${base.title}`
    expect(log[0]).toMatchObject({ entity: 'issued_documents', action: 'insert', source: label })
    expect(JSON.parse(log[0]?.newValue ?? '{}')).toEqual({
      symbol: '01-TB/TĐTN-XDĐ',
      title: base.title,
      issuedDate: base.issuedDate
    })
    expect(issued.change).toEqual({ batchId: log[0]?.batchId, label })
    // The raw row is kept with the batch too (what "Hoàn tác" replays).
    const kept = ctx.db.select().from(changeRows).where(eq(changeRows.batchId, issued.change.batchId)).all()
    expect(kept.map((r) => r.tableName)).toEqual(['issued_documents'])
    expect(JSON.parse(kept[0]?.after ?? '{}')).toMatchObject({ number: 1, symbol: '01-TB/TĐTN-XDĐ' })
  })

  it('registers a number the văn thư typed, refuses one the register already holds, and goes on after it', () => {
    const ctx = fixture.at('2026-01-03')
    const typed = issueDocument(ctx, { ...base, typeCode: 'CV', number: 15 })
    expect(typed.symbol).toBe('15-CV/TĐTN-XDĐ')
    expect(nextNumber(ctx, 'CV', '2022–2027')).toBe(16)
    const taken = (() => {
      try {
        issueDocument(ctx, { ...base, typeCode: 'CV', number: 15, title: 'Một công văn khác' })
      } catch (error) {
        return error
      }
      return null
    })()
    expect(taken).toBeInstanceOf(AppError)
    expect(taken).toMatchObject({ code: 'CONFLICT' })
    expect((taken as AppError).details).toEqual([
      `number: Số 15-CV/TĐTN-XDĐ đã cấp ngày 20/12/2025 cho văn bản "${base.title}"; hãy nhập số khác hoặc để trống để lấy số tiếp theo.`
    ])
    // A lower number still free is taken as typed; the sequence goes on after the highest.
    expect(issueDocument(ctx, { ...base, typeCode: 'CV', number: 3 }).symbol).toBe('03-CV/TĐTN-XDĐ')
    expect(issueDocument(ctx, { ...base, typeCode: 'CV' }).symbol).toBe('16-CV/TĐTN-XDĐ')
  })

  it('lets the database refuse a number used twice', () => {
    const ctx = fixture.at('2026-01-02')
    const row = {
      ...base,
      typeCode: 'BC',
      number: 1,
      symbol: '01-BC/TĐTN-XDĐ',
      createdAt: '2026-01-02T00:00:00Z'
    }
    expect(() => ctx.db.insert(issuedDocuments).values(row).run()).toThrow(/UNIQUE/)
  })

  it('refuses incomplete input with every problem listed, and writes nothing', () => {
    const ctx = fixture.at('2026-01-02')
    const before = listIssuedDocuments(ctx).length
    try {
      issueDocument(ctx, {
        ...base,
        typeCode: 'BC',
        congressTerm: ' ',
        departmentAbbreviation: '',
        issuedDate: '2026-02-30'
      })
      throw new Error('should have refused')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('VALIDATION')
      expect((error as AppError).details).toHaveLength(3)
    }
    expect(listIssuedDocuments(ctx)).toHaveLength(before)
  })
})

describe('an office without its details', () => {
  it('gets a draft with visible placeholders and notes, and no number', async () => {
    const empty = await openFixtureDb()
    try {
      const ctx = empty.at('2026-01-05')
      const out = await exportDocument(ctx, { document: 'year-report', year: 2025 })
      expect(out.issued).toBeNull()
      expect(listIssuedDocuments(ctx)).toHaveLength(0)
      expect(out.notes.join('\n')).toMatch(/Chưa khai báo thông tin đơn vị ban hành/)
      expect(out.notes.join('\n')).toMatch(/Chưa khai báo người ký/)
      expect(out.notes.join('\n')).toMatch(/để trống số và ngày/)
      const xml = (await readDocx(out.buffer)).document
      const text = plainText(xml)
      expect(text).toContain(`BCH ĐOÀN TỈNH ${PLACEHOLDER}`)
      expect(text).toMatch(new RegExp(`${PLACEHOLDER}, ngày\u00a0+tháng\u00a0+năm 2026`))
      expect(paragraphsOf(xml).map((p) => p.text)).toContain('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    } finally {
      empty.close()
    }
  })
})
