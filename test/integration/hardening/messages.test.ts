/**
 * The clerk's words: zod's refusals carry no type name or English word, every field of every
 * contract has a Vietnamese label, a refused call names its field by label (and keeps the
 * path for forms), and the English detector the fuzz test relies on does catch English.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import { fieldLabel } from '../../../shared/api/field-labels'
import '../../../shared/api/zod-vi'
import { openDatabase } from '../../../electron/db/connection'
import { createServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { copyPlainInput } from '../../../electron/services/input'
import { englishIn } from './english'
import { walkKeys } from './hostile-values'

describe('the English detector', () => {
  it('catches what used to reach the clerk', () => {
    for (const line of [
      'Đầu vào không hợp lệ: mong đợi string, nhận được số',
      'Quá lớn: mong đợi array có <=2 phần tử',
      'database is locked',
      'SqliteError: database disk image is malformed',
      "Cannot read properties of undefined (reading 'col')",
      'year: Expected number, received string',
      'startDate: Đến ngày không được trước Từ ngày.'
    ]) {
      expect(englishIn(line), line).not.toBeNull()
    }
  })

  it('lets Vietnamese through, with codes, quoted values and file names', () => {
    for (const line of [
      'Chuyến đi, dòng 14, cột "Đến ngày": ngày 31/02/2022 không tồn tại',
      'Mã chuyến "TR001" đã có; hãy chọn mã khác.',
      'Không đọc được tệp: đây không phải tệp Excel .xlsx hợp lệ (tệp .xls cũ cần lưu lại dạng .xlsx).',
      'Từ ngày: Đến ngày không được trước Từ ngày.'
    ]) {
      expect(englishIn(line), line).toBeNull()
    }
  })
})

describe('zod messages', () => {
  const schema = z
    .object({
      a: z.string(),
      b: z.number().int().min(2).max(5),
      c: z.enum(['x', 'y']),
      d: z.array(z.string()).min(1).max(2),
      e: z.boolean(),
      f: z.literal('k'),
      g: z.union([z.string(), z.number()]),
      h: z.string().regex(/^a$/),
      i: z.object({}).strict(),
      k: z.string().max(3),
      l: z.record(z.string(), z.number()),
      o: z.number(),
      p: z.email(),
      r: z.number().multipleOf(2),
      s: z.string().min(1)
    })
    .strict()

  it('never name a type or echo the input, whatever the issue', () => {
    const result = schema.safeParse({
      a: 1,
      b: 1.5,
      c: 'english words here',
      d: ['a', 'b', 'c'],
      e: 'yes',
      f: 'g',
      g: null,
      h: 'b',
      i: { unexpected: 1 },
      k: 'abcdef',
      l: { a: 'x' },
      o: Number.NaN,
      p: 'x',
      r: 3,
      s: '',
      extraKey: true
    })
    expect(result.success).toBe(false)
    const messages = result.error?.issues.map((issue) => issue.message) ?? []
    expect(messages.length).toBeGreaterThanOrEqual(15)
    for (const message of messages) {
      expect(englishIn(message), message).toBeNull()
      expect(message).not.toMatch(/string|number|array|object|boolean|expected|[<>]=?/i)
    }
    expect(messages).toContain('Sai kiểu giá trị: cần chữ, nhận được một số.')
    expect(messages).toContain('Không phải là một số hợp lệ.')
    expect(messages).toContain('Dài quá: tối đa 3 ký tự.')
    expect(messages).toContain('Không được để trống.')
  })

  it('keep a schema’s own message', () => {
    const own = z.number({ message: 'Năm phải là một số.' }).safeParse('x')
    expect(own.error?.issues[0]?.message).toBe('Năm phải là một số.')
  })
})

describe('field labels', () => {
  it('name every input field of every contract', () => {
    const missing: string[] = []
    for (const [method, entry] of Object.entries(contract)) {
      const keys = new Set<string>()
      walkKeys((entry as { input: unknown }).input, keys, new Set())
      for (const key of keys) if (fieldLabel(method, key) === null) missing.push(`${method}: ${key}`)
    }
    expect(missing).toEqual([])
  })

  it('are what the clerk reads; the path stays for the form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdcs-messages-'))
    const handle = openDatabase(join(dir, 'm.sqlite'))
    try {
      const handlers = createHandlers(createServiceContext(handle))
      const zodRefusal = await dispatch(handlers, 'trips.search', { month: 13, year: 'năm nay' })
      expect(zodRefusal.ok).toBe(false)
      if (zodRefusal.ok) return
      expect(zodRefusal.error.details).toContain('month: Tháng từ 1 đến 12.')
      expect(zodRefusal.error.shownDetails).toContain('Tháng: Tháng từ 1 đến 12.')
      expect(zodRefusal.error.shownDetails).toContain('Năm: Năm không hợp lệ.')
      // A service's own "field: message" line gets its label too.
      const serviceRefusal = await dispatch(handlers, 'trips.setStatus', {
        codes: ['NOPE'],
        status: 'DA_BAO_CAO'
      })
      expect(serviceRefusal.ok).toBe(false)
      if (serviceRefusal.ok) return
      expect(serviceRefusal.error.details).toEqual(['codes: không có chuyến đi mã "NOPE".'])
      expect(serviceRefusal.error.shownDetails).toEqual(['Các chuyến: không có chuyến đi mã "NOPE".'])
    } finally {
      handle.close()
    }
  })
})

describe('input copy', () => {
  const refusal = (input: unknown) => {
    try {
      copyPlainInput(input)
      return null
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      return (error as AppError).message
    }
  }

  it('copies plain data and drops prototype keys', () => {
    const polluted = JSON.parse('{"year": 2025, "__proto__": {"isAdmin": true}, "constructor": 1}') as object
    const copy = copyPlainInput({ a: [1, 'x', null, { b: true }], p: polluted }) as {
      p: Record<string, unknown>
    }
    expect(copy).toEqual({ a: [1, 'x', null, { b: true }], p: { year: 2025 } })
    expect(Object.getPrototypeOf(copy.p)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined()
  })

  it('refuses in Vietnamese what is not plain data, never throwing anything else', () => {
    const getter = Object.defineProperty({}, 'year', {
      get() {
        throw new Error('boom')
      },
      enumerable: true
    })
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const hostile = [getter, cycle, deep, proxy, new Date(), new Map(), () => 1, Symbol('s'), 1n]
    for (const value of hostile) {
      const message = refusal({ value })
      expect(message).toMatch(/^Dữ liệu gửi lên không đọc được: .+\. Không có gì bị thay đổi\.$/)
      expect(englishIn(message ?? '')).toBeNull()
    }
  })
})
