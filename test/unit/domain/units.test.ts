/**
 * The unit tree of any day (shared/domain/units.ts), around the 2025 reform: district unions
 * close on 30/06/2025; from 01/07/2025 commune unions sit directly under the Tỉnh đoàn, some
 * moved there, some merged into new communes.
 */
import { describe, expect, it } from 'vitest'
import {
  childrenOutside,
  existsOn,
  firstLoop,
  flattenTree,
  historyText,
  parentOn,
  parentPeriods,
  pruneTree,
  unitHistory,
  unitTreeOn,
  validityText,
  type UnitMove,
  type UnitRecord,
  type UnitTreeNode
} from '../../../shared/domain/units'
import { matchesSearch } from '../../../shared/domain/search'

let nextId = 1
function unit(code: string, name: string, patch: Partial<UnitRecord> = {}): UnitRecord {
  return {
    id: nextId++,
    code,
    name,
    kind: 'DOAN_XA',
    parentId: null,
    validFrom: null,
    validTo: null,
    mergedIntoId: null,
    ...patch
  }
}

/** A small province before and after the reform. */
function province() {
  nextId = 1
  const td = unit('TD', 'Tỉnh đoàn Lâm Đồng', { kind: 'TINH_DOAN' })
  const hdDucTrong = unit('HD1', 'Huyện đoàn Đức Trọng', {
    kind: 'HUYEN_DOAN',
    parentId: td.id,
    validTo: '2025-06-30'
  })
  const hdDiLinh = unit('HD2', 'Huyện đoàn Di Linh', {
    kind: 'HUYEN_DOAN',
    parentId: td.id,
    validTo: '2025-06-30'
  })
  const newDucTrong = unit('X01', 'Đoàn xã Đức Trọng', { parentId: td.id, validFrom: '2025-07-01' })
  const lienNghia = unit('XC01', 'Đoàn xã Liên Nghĩa', {
    parentId: hdDucTrong.id,
    validTo: '2025-06-30',
    mergedIntoId: newDucTrong.id
  })
  const phuHoi = unit('XC03', 'Đoàn xã Phú Hội', {
    parentId: hdDucTrong.id,
    validTo: '2025-06-30',
    mergedIntoId: newDucTrong.id
  })
  // Kept its name and moved up: a move row from 01/07/2025.
  const tanHoi = unit('XC05', 'Đoàn xã Tân Hội', { parentId: hdDucTrong.id })
  const giaHiep = unit('XC07', 'Đoàn xã Gia Hiệp', { parentId: hdDiLinh.id })
  const attached = unit('TT1', 'Đoàn Trường Đại học Đà Lạt', { kind: 'DOAN_TRUC_THUOC', parentId: td.id })
  const units = [td, hdDucTrong, hdDiLinh, newDucTrong, lienNghia, phuHoi, tanHoi, giaHiep, attached]
  const moves: UnitMove[] = [
    { unitId: tanHoi.id, parentId: td.id, fromDate: '2025-07-01' },
    { unitId: giaHiep.id, parentId: td.id, fromDate: '2025-07-01' }
  ]
  return { units, moves, td, hdDucTrong, hdDiLinh, newDucTrong, lienNghia, phuHoi, tanHoi, giaHiep, attached }
}

type Shape = Array<[string, Shape]>
function shape(nodes: readonly UnitTreeNode[]): Shape {
  return nodes.map((n) => [n.unit.name, shape(n.children)])
}

describe('existsOn and parentOn', () => {
  it('treats validity bounds as inclusive and open when null', () => {
    const u = unit('A', 'A', { validFrom: '2025-07-01', validTo: '2026-06-30' })
    expect(existsOn(u, '2025-06-30')).toBe(false)
    expect(existsOn(u, '2025-07-01')).toBe(true)
    expect(existsOn(u, '2026-06-30')).toBe(true)
    expect(existsOn(u, '2026-07-01')).toBe(false)
    expect(existsOn(unit('B', 'B'), '1990-01-01')).toBe(true)
  })

  it('takes the latest move on or before the day, else the founding parent', () => {
    const p = province()
    expect(parentOn(p.tanHoi, p.moves, '2025-06-30')).toBe(p.hdDucTrong.id)
    expect(parentOn(p.tanHoi, p.moves, '2025-07-01')).toBe(p.td.id)
    expect(parentOn(p.tanHoi, p.moves, '2030-01-01')).toBe(p.td.id)
    // A later move back, and a move to the top level (null).
    const moves = [...p.moves, { unitId: p.tanHoi.id, parentId: null, fromDate: '2026-01-01' }]
    expect(parentOn(p.tanHoi, moves, '2025-12-31')).toBe(p.td.id)
    expect(parentOn(p.tanHoi, moves, '2026-01-01')).toBeNull()
    // Other units' moves do not count.
    expect(parentOn(p.lienNghia, moves, '2026-01-01')).toBe(p.hdDucTrong.id)
  })
})

describe('unitTreeOn', () => {
  it('shows the district unions with their communes on 01/01/2022', () => {
    const p = province()
    expect(shape(unitTreeOn(p.units, p.moves, '2022-01-01'))).toEqual([
      [
        'Tỉnh đoàn Lâm Đồng',
        [
          ['Đoàn Trường Đại học Đà Lạt', []],
          ['Huyện đoàn Di Linh', [['Đoàn xã Gia Hiệp', []]]],
          [
            'Huyện đoàn Đức Trọng',
            [
              ['Đoàn xã Liên Nghĩa', []],
              ['Đoàn xã Phú Hội', []],
              ['Đoàn xã Tân Hội', []]
            ]
          ]
        ]
      ]
    ])
  })

  it('shows the communes directly under the Tỉnh đoàn on 01/01/2026', () => {
    const p = province()
    expect(shape(unitTreeOn(p.units, p.moves, '2026-01-01'))).toEqual([
      [
        'Tỉnh đoàn Lâm Đồng',
        [
          ['Đoàn Trường Đại học Đà Lạt', []],
          ['Đoàn xã Đức Trọng', []],
          ['Đoàn xã Gia Hiệp', []],
          ['Đoàn xã Tân Hội', []]
        ]
      ]
    ])
  })

  it('switches exactly between 30/06/2025 and 01/07/2025', () => {
    const p = province()
    const before = flattenTree(unitTreeOn(p.units, p.moves, '2025-06-30'))
    const after = flattenTree(unitTreeOn(p.units, p.moves, '2025-07-01'))
    const depthOf = (rows: typeof before, code: string) => rows.find((r) => r.node.unit.code === code)?.depth
    expect(depthOf(before, 'XC05')).toBe(2)
    expect(depthOf(after, 'XC05')).toBe(1)
    expect(depthOf(before, 'X01')).toBeUndefined()
    expect(depthOf(after, 'XC01')).toBeUndefined()
    expect(depthOf(after, 'HD1')).toBeUndefined()
  })

  it('sorts children the Vietnamese way (Đ after D, tones after the base letter)', () => {
    nextId = 100
    const root = unit('R', 'Tỉnh đoàn')
    const names = ['Đoàn xã Ân', 'Đoàn xã Anh', 'Đoàn xã Ấp', 'Đoàn xã Dương', 'Đoàn xã Đông', 'Đoàn xã Ba']
    const kids = names.map((n, i) => unit(`K${i}`, n, { parentId: root.id }))
    const tree = unitTreeOn([root, ...kids], [], '2025-01-01')
    expect(tree[0]!.children.map((c) => c.unit.name)).toEqual([
      'Đoàn xã Anh',
      'Đoàn xã Ân',
      'Đoàn xã Ấp',
      'Đoàn xã Ba',
      'Đoàn xã Dương',
      'Đoàn xã Đông'
    ])
  })

  it('shows closed units, when asked, under their parent of their last day', () => {
    const p = province()
    const tree = unitTreeOn(p.units, p.moves, '2026-01-01', { includeClosed: true })
    const rows = flattenTree(tree)
    const liên = rows.find((r) => r.node.unit.code === 'XC01')!
    expect(liên.node.closed).toBe(true)
    expect(liên.node.parentId).toBe(p.hdDucTrong.id)
    expect(liên.depth).toBe(2)
    expect(rows.find((r) => r.node.unit.code === 'X01')!.node.closed).toBe(false)
    // Units founded later are never shown.
    const early = flattenTree(unitTreeOn(p.units, p.moves, '2024-01-01', { includeClosed: true }))
    expect(early.some((r) => r.node.unit.code === 'X01')).toBe(false)
  })

  it('puts a unit whose parent does not exist that day at the top level, flagged', () => {
    const p = province()
    // Gia Hiệp without its move: its district union is gone in 2026.
    const tree = unitTreeOn(p.units, [p.moves[0]!], '2026-01-01')
    const orphan = tree.find((n) => n.unit.code === 'XC07')!
    expect(orphan.parentMissing).toBe(true)
    expect(tree.map((n) => n.unit.code)).toEqual(['XC07', 'TD'])
  })

  it('never loops: a cycle in the data is cut', () => {
    nextId = 200
    const a = unit('A', 'A')
    const b = unit('B', 'B', { parentId: a.id })
    a.parentId = b.id
    const rows = flattenTree(unitTreeOn([a, b], [], '2025-01-01'))
    expect(rows.map((r) => r.node.unit.code).sort()).toEqual(['A', 'B'])
  })

  it('collapses and prunes', () => {
    const p = province()
    const tree = unitTreeOn(p.units, p.moves, '2022-01-01')
    expect(flattenTree(tree, (n) => n.unit.code === 'HD1').map((r) => r.node.unit.code)).toEqual([
      'TD',
      'TT1',
      'HD2',
      'XC07',
      'HD1'
    ])
    const found = pruneTree(tree, (n) => matchesSearch('tan hoi', n.unit.name, n.unit.code))
    expect(shape(found)).toEqual([
      ['Tỉnh đoàn Lâm Đồng', [['Huyện đoàn Đức Trọng', [['Đoàn xã Tân Hội', []]]]]]
    ])
    expect(pruneTree(tree, () => false)).toEqual([])
  })
})

describe('parentPeriods and childrenOutside', () => {
  it('lists the periods under each parent inside the validity', () => {
    const p = province()
    expect(parentPeriods(p.tanHoi, p.moves)).toEqual([
      { parentId: p.hdDucTrong.id, from: '0001-01-01', to: '2025-06-30' },
      { parentId: p.td.id, from: '2025-07-01', to: null }
    ])
    // A move after the last day is ignored; a move on the first day replaces the founding parent.
    const closed = { ...p.tanHoi, validFrom: '2020-01-01', validTo: '2025-03-31' }
    expect(
      parentPeriods(closed, [{ unitId: closed.id, parentId: p.td.id, fromDate: '2020-01-01' }, ...p.moves])
    ).toEqual([{ parentId: p.td.id, from: '2020-01-01', to: '2025-03-31' }])
  })

  it('names the children a closing unit would leave without a parent', () => {
    const p = province()
    // Without the moves, Tân Hội and Gia Hiệp would stay under their closed district unions.
    expect(
      childrenOutside(p.units, [], p.hdDucTrong.id, '0001-01-01', '2025-06-30').map((c) => c.child.code)
    ).toEqual(['XC05'])
    expect(childrenOutside(p.units, p.moves, p.hdDucTrong.id, '0001-01-01', '2025-06-30')).toEqual([])
    const early = childrenOutside(p.units, p.moves, p.hdDucTrong.id, '0001-01-01', '2024-12-31')
    expect(early.map((c) => [c.child.name, c.from, c.to])).toEqual([
      ['Đoàn xã Liên Nghĩa', '2025-01-01', '2025-06-30'],
      ['Đoàn xã Phú Hội', '2025-01-01', '2025-06-30'],
      ['Đoàn xã Tân Hội', '2025-01-01', '2025-06-30']
    ])
    // A parent starting late: children under it before its start.
    const late = childrenOutside(p.units, p.moves, p.td.id, '2025-07-01', null).map((c) => c.child.code)
    expect(late).toEqual(['TT1', 'HD2', 'HD1'])
  })
})

describe('firstLoop', () => {
  it('finds a loop made by a later move, with its day', () => {
    const p = province()
    expect(firstLoop(p.units, p.moves)).toBeNull()
    const moves = [...p.moves, { unitId: p.td.id, parentId: p.tanHoi.id, fromDate: '2026-03-01' }]
    const loop = firstLoop(p.units, moves)
    expect(loop?.date).toBe('2026-03-01')
    expect(loop?.units.map((u) => u.code)).toEqual(['TD', 'XC05', 'TD'])
  })
})

describe('unitHistory', () => {
  it('tells a moved commune, a merged one and the new one in words', () => {
    const p = province()
    const text = (u: UnitRecord) =>
      unitHistory({ unit: u, moves: p.moves, units: p.units }).map((l) => historyText(l.words))
    expect(text(p.tanHoi)).toEqual([
      'Hoạt động từ trước khi có dữ liệu (không ghi ngày thành lập)',
      'Trực thuộc Huyện đoàn Đức Trọng đến 30/06/2025, từ 01/07/2025 trực thuộc Tỉnh đoàn Lâm Đồng'
    ])
    expect(text(p.lienNghia)).toEqual([
      'Hoạt động từ trước khi có dữ liệu (không ghi ngày thành lập)',
      'Trực thuộc Huyện đoàn Đức Trọng',
      'Sáp nhập vào Đoàn xã Đức Trọng từ 01/07/2025'
    ])
    expect(text(p.newDucTrong)).toEqual([
      'Thành lập 01/07/2025',
      'Trực thuộc Tỉnh đoàn Lâm Đồng',
      'Các đơn vị đã sáp nhập vào: Đoàn xã Liên Nghĩa (từ 01/07/2025), Đoàn xã Phú Hội (từ 01/07/2025)'
    ])
    expect(text(p.hdDiLinh)).toContain('Ngừng hoạt động, ngày cuối hoạt động 30/06/2025')
    expect(text(p.td)[1]).toBe('Ở cấp cao nhất (không có đơn vị cấp trên)')
  })

  it('keeps unit names as links', () => {
    const p = province()
    const lines = unitHistory({ unit: p.lienNghia, moves: p.moves, units: p.units })
    expect(lines[2]!.words).toEqual([
      'Sáp nhập vào ',
      { code: 'X01', name: 'Đoàn xã Đức Trọng' },
      ' từ 01/07/2025'
    ])
    expect(lines[2]!.date).toBe('2025-07-01')
  })

  it('says validity in words', () => {
    expect(validityText('2025-07-01', null)).toBe('từ 01/07/2025')
    expect(validityText(null, '2025-06-30')).toBe('đến 30/06/2025')
    expect(validityText('2025-07-01', '2026-06-30')).toBe('01/07/2025 – 30/06/2026')
    expect(validityText(null, null)).toBe('')
  })
})

describe('at the scale of a big province', () => {
  it('builds the tree and checks loops for a thousand units with many move days at once', () => {
    nextId = 1000
    const root = unit('TD', 'Tỉnh đoàn')
    const districts = Array.from({ length: 40 }, (_, i) =>
      unit(`HD${i}`, `Huyện đoàn ${i}`, { parentId: root.id, validTo: '2025-06-30' })
    )
    const communes = Array.from({ length: 960 }, (_, i) =>
      unit(`X${i}`, `Đoàn xã ${i}`, {
        parentId: districts[i % 40]!.id,
        validFrom: `20${10 + (i % 15)}-01-01`
      })
    )
    const all = [root, ...districts, ...communes]
    // Every commune moves up on the reform day, and half of them once more on a day of their own.
    const moves: UnitMove[] = communes.flatMap((c, i) => [
      { unitId: c.id, parentId: root.id, fromDate: '2025-07-01' },
      ...(i % 2 === 0
        ? [{ unitId: c.id, parentId: root.id, fromDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15` }]
        : [])
    ])
    const started = Date.now()
    expect(firstLoop(all, moves)).toBeNull()
    const before = flattenTree(unitTreeOn(all, moves, '2025-06-30'))
    const after = flattenTree(unitTreeOn(all, moves, '2026-01-01'))
    expect(Date.now() - started).toBeLessThan(3000)
    expect(before.filter((r) => r.depth === 2)).toHaveLength(960)
    expect(after.filter((r) => r.depth === 1)).toHaveLength(960)
    // A loop made on one day among many is found, with its day.
    const loop = firstLoop(all, [
      ...moves,
      { unitId: root.id, parentId: communes[5]!.id, fromDate: '2027-03-01' }
    ])
    expect(loop?.date).toBe('2027-03-01')
  })
})
