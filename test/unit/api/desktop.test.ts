/**
 * The save dialog's file types: every type it offers has a MIME type for a browser download,
 * and a unit's "3 chủ động" plan may only be of a type that can be saved back.
 */
import { describe, expect, it } from 'vitest'
import {
  fileExtension,
  MIME_BY_EXTENSION,
  SAVE_FILTERS,
  unsavableFileMessage
} from '../../../shared/api/desktop'
import { PLAN_FILE_EXTENSIONS, registrationSchema } from '../../../shared/api/three-active'

describe('save dialog file types', () => {
  it('names the extension the way the dialog looks it up', () => {
    expect(fileExtension('Ke hoach.PDF')).toBe('.pdf')
    expect(fileExtension('bao-cao.nam.2025.docx')).toBe('.docx')
    expect(fileExtension('.pdf')).toBe('')
    expect(fileExtension('khong-duoi')).toBe('')
  })

  it('has a MIME type for every type it offers, and no other', () => {
    expect(Object.keys(MIME_BY_EXTENSION).sort()).toEqual(Object.keys(SAVE_FILTERS).sort())
  })

  it('accepts as a plan exactly what it can save back, and says so in Vietnamese', () => {
    expect([...PLAN_FILE_EXTENSIONS].sort()).toEqual(Object.keys(SAVE_FILTERS).sort())
    const base = {
      year: 2026,
      unitCode: 'TAN',
      registeredOn: '2025-10-05',
      planText: null,
      hardCriteria: null
    }
    const content = Buffer.from('x').toString('base64')
    expect(
      registrationSchema.safeParse({
        ...base,
        planFile: { fileName: 'Kế hoạch.PDF', contentBase64: content }
      }).success
    ).toBe(true)
    const refused = registrationSchema.safeParse({
      ...base,
      planFile: { fileName: 'ke-hoach.exe', contentBase64: content }
    })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/^Tệp kế hoạch phải là tệp Word, PDF, Excel/)
    expect(unsavableFileMessage('a.exe')).toContain('.pdf')
  })
})
