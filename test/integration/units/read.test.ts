/**
 * The units reads on the demo office: the tree of 01/01/2022 has the district and city unions
 * with their communes, the tree of 01/01/2026 the new communes directly under the Tỉnh đoàn;
 * a record page tells its history in words; the choices of a day are the units of that day.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareVietnamese } from '../../../shared/domain/collation'
import { flattenTree, historyText } from '../../../shared/domain/units'
import { tripUnits } from '../../../electron/db/schema'
import { openUnitsApi, type UnitsApi } from './setup'

let api: UnitsApi

beforeAll(() => {
  api = openUnitsApi()
})

afterAll(() => api?.close())

describe('units.tree', () => {
  it('shows the 2022 tree: district unions with their communes', async () => {
    const tree = await api.call('units.tree', { date: '2022-01-01' })
    expect(tree.roots.map((r) => r.code)).toEqual(['TD'])
    const td = tree.roots[0]!
    const hd1 = td.children.find((c) => c.code === 'HD1')!
    expect(hd1.name).toBe('Huyện đoàn Đức Trọng')
    expect(hd1.children.map((c) => c.name)).toEqual([
      'Đoàn xã Hiệp An',
      'Đoàn xã Liên Hiệp',
      'Đoàn xã Liên Nghĩa',
      'Đoàn xã Phú Hội',
      'Đoàn xã Tân Hội',
      'Đoàn xã Tân Thành'
    ])
    // No commune of the reform yet, none directly under the Tỉnh đoàn.
    const rows = flattenTree(tree.roots)
    expect(rows.some((r) => r.node.code === 'X01')).toBe(false)
    expect(td.children.every((c) => ['HUYEN_DOAN', 'THANH_DOAN', 'DOAN_TRUC_THUOC'].includes(c.kind))).toBe(
      true
    )
    expect(td.children.map((c) => c.code).sort()).toEqual([
      'HD1',
      'HD2',
      'HD3',
      'HD4',
      'TP1',
      'TP2',
      'TT1',
      'TT2',
      'TT3'
    ])
    expect(tree.existing).toBe(rows.length)
    expect(tree.existing).toBe(1 + 4 + 2 + 3 + 23)
    expect(tree.closedShown).toBe(0)
  })

  it('shows the 2026 tree: the new communes directly under the Tỉnh đoàn', async () => {
    const tree = await api.call('units.tree', { date: '2026-01-01' })
    const td = tree.roots[0]!
    expect(tree.roots).toHaveLength(1)
    expect(td.children.map((c) => c.code).sort()).toEqual(
      [
        'TT1',
        'TT2',
        'TT3',
        ...Array.from({ length: 12 }, (_, i) => `X${String(i + 1).padStart(2, '0')}`)
      ].sort()
    )
    expect(td.children.every((c) => c.children.length === 0)).toBe(true)
    // Vietnamese order of names at each level.
    const names = td.children.map((c) => c.name)
    expect(names).toEqual([...names].sort(compareVietnamese))
    expect(tree.totalUnits).toBe(1 + 4 + 12 + 3 + 2 + 23)
  })

  it('switches on 01/07/2025 exactly', async () => {
    const before = flattenTree((await api.call('units.tree', { date: '2025-06-30' })).roots)
    const after = flattenTree((await api.call('units.tree', { date: '2025-07-01' })).roots)
    expect(before.find((r) => r.node.code === 'XC01')?.depth).toBe(2)
    expect(after.find((r) => r.node.code === 'XC01')).toBeUndefined()
    expect(after.find((r) => r.node.code === 'X01')?.depth).toBe(1)
  })

  it('shows closed units greyed under their last parent when asked', async () => {
    const tree = await api.call('units.tree', { date: '2026-01-01', includeClosed: true })
    const rows = flattenTree(tree.roots)
    const lienNghia = rows.find((r) => r.node.code === 'XC01')!
    expect(lienNghia.node).toMatchObject({
      closed: true,
      mergedInto: { code: 'X01', name: 'Đoàn xã Đức Trọng' }
    })
    expect(lienNghia.depth).toBe(2)
    expect(tree.closedShown).toBe(4 + 2 + 23)
    expect(tree.existing).toBe(1 + 12 + 3)
  })

  it('refuses a date that does not exist, naming the field', async () => {
    const error = await api.refusal('units.tree', { date: '2025-02-30' })
    expect(error.code).toBe('VALIDATION')
    expect(error.details[0]).toMatch(/^date: Ngày không hợp lệ/)
  })

  it('answers an empty database with an empty tree', async () => {
    const empty = openUnitsApi(null)
    try {
      expect(await empty.call('units.tree', { date: '2026-01-01' })).toEqual({
        date: '2026-01-01',
        roots: [],
        existing: 0,
        closedShown: 0,
        totalUnits: 0
      })
    } finally {
      empty.close()
    }
  })
})

describe('units.get', () => {
  it('tells a merged commune and the new commune in words', async () => {
    const old = await api.call('units.get', { code: 'XC01' })
    expect(old).toMatchObject({
      name: 'Đoàn xã Liên Nghĩa',
      status: 'merged',
      referenceDate: '2025-06-30',
      parent: { code: 'HD1', name: 'Huyện đoàn Đức Trọng' },
      mergedInto: { code: 'X01', name: 'Đoàn xã Đức Trọng' }
    })
    expect(old.history.map((l) => historyText(l.words))).toEqual([
      'Hoạt động từ trước khi có dữ liệu (không ghi ngày thành lập)',
      'Trực thuộc Huyện đoàn Đức Trọng',
      'Sáp nhập vào Đoàn xã Đức Trọng từ 01/07/2025'
    ])
    const fresh = await api.call('units.get', { code: 'X01' })
    expect(fresh.status).toBe('active')
    expect(fresh.referenceDate).toBe('2025-10-15')
    expect(fresh.absorbed.map((u) => u.code)).toEqual(['XC01', 'XC03'])
    expect(fresh.history.map((l) => historyText(l.words))).toEqual([
      'Thành lập 01/07/2025',
      'Trực thuộc Tỉnh đoàn Lâm Đồng',
      'Các đơn vị đã sáp nhập vào: Đoàn xã Liên Nghĩa (từ 01/07/2025), Đoàn xã Phú Hội (từ 01/07/2025)'
    ])
    // Links: the merged units are named by code.
    expect(fresh.history[2]!.words).toContainEqual({ code: 'XC03', name: 'Đoàn xã Phú Hội' })
  })

  it('lists a district union’s children as of its last day and counts its trips', async () => {
    const hd = await api.call('units.get', { code: 'HD1' })
    expect(hd.status).toBe('closed')
    expect(hd.children.map((c) => c.code)).toEqual(['XC02', 'XC04', 'XC01', 'XC03', 'XC05', 'XC06'])
    expect(hd.history.map((l) => historyText(l.words))).toContain(
      'Ngừng hoạt động, ngày cuối hoạt động 30/06/2025'
    )
    const visited = await api.call('units.get', { code: 'X01' })
    const rows = api.ctx.db
      .select()
      .from(tripUnits)
      .where(eq(tripUnits.unitId, api.unitRow('X01')!.id))
      .all()
    expect(visited.tripCount).toBe(rows.length)
    expect(visited.tripCount).toBeGreaterThan(0)
  })

  it('says plainly that a code does not exist', async () => {
    const error = await api.refusal('units.get', { code: 'KHONGCO' })
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Không có đơn vị mã "KHONGCO".' })
    expect((await api.refusal('units.get', { code: '  ' })).details).toEqual(['code: Thiếu mã đơn vị.'])
  })
})

describe('units.choices and units.impact', () => {
  it('offers the units of the day in tree order, with their depth', async () => {
    const y2022 = await api.call('units.choices', { date: '2022-01-01' })
    expect(y2022[0]).toMatchObject({ code: 'TD', depth: 0 })
    expect(y2022.find((c) => c.code === 'XC01')?.depth).toBe(2)
    expect(y2022.some((c) => c.code === 'X01')).toBe(false)
    const y2026 = await api.call('units.choices', { date: '2026-01-01' })
    expect(y2026.find((c) => c.code === 'X01')?.depth).toBe(1)
    expect(y2026.some((c) => c.code === 'HD1')).toBe(false)
    // "From the beginning": only units with no start date.
    const beginning = await api.call('units.choices', { date: null })
    expect(beginning.some((c) => c.code === 'X01')).toBe(false)
    expect(beginning.some((c) => c.code === 'HD1')).toBe(true)
  })

  it('lists the children and the trips ending units on a day would leave behind', async () => {
    const impact = await api.call('units.impact', { codes: ['HD1'], lastDay: '2024-12-31' })
    expect(impact.openChildren.map((c) => c.child.code).sort()).toEqual([
      'XC01',
      'XC02',
      'XC03',
      'XC04',
      'XC05',
      'XC06'
    ])
    const trips = await api.call('units.impact', { codes: ['X02'], lastDay: '2025-08-31' })
    expect(trips.openChildren).toEqual([])
    expect(trips.tripsAfter.length).toBeGreaterThan(0)
    expect(trips.tripsAfter.every((t) => t.endDate > '2025-08-31' && t.unit.code === 'X02')).toBe(true)
    expect((await api.refusal('units.impact', { codes: ['X02'], lastDay: 'hôm qua' })).details[0]).toMatch(
      /^lastDay: /
    )
  })
})
