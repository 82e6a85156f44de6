/**
 * The writes of the unit tree on a real database: each is one batch logged in workbook terms
 * with a specific label, each is refused (changing nothing) when it would break the tree, and
 * "Hoàn tác" (history.undo) puts every row back exactly, a merge included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flattenTree, historyText } from '../../../shared/domain/units'
import { openUnitsApi, smallOffice, type UnitsApi } from './setup'

let api: UnitsApi

beforeEach(() => {
  api = openUnitsApi()
})

afterEach(() => api?.close())

async function depthOn(code: string, date: string): Promise<number | undefined> {
  const tree = await api.call('units.tree', { date })
  return flattenTree(tree.roots).find((r) => r.node.code === code)?.depth
}

async function undo(batchId: string) {
  return api.call('history.undo', { batchId })
}

describe('units.create and units.update', () => {
  it('adds a unit under a parent existing on its start, logs it and undoes it', async () => {
    const before = api.dump()
    const saved = await api.call('units.create', {
      code: 'CD01',
      name: '  Chi đoàn thôn Phú Thạnh  ',
      kind: 'CHI_DOAN',
      parentCode: 'X01',
      validFrom: '2025-09-01',
      validTo: null
    })
    expect(saved.value).toEqual({ code: 'CD01', name: 'Chi đoàn thôn Phú Thạnh' })
    expect(saved.change.label).toBe('Thêm đơn vị CD01 Chi đoàn thôn Phú Thạnh')
    expect(api.logged(saved.change.batchId)).toEqual([
      {
        entity: 'units',
        entityKey: 'CD01',
        action: 'insert',
        oldValue: null,
        newValue: {
          code: 'CD01',
          name: 'Chi đoàn thôn Phú Thạnh',
          kind: 'CHI_DOAN',
          parentCode: 'X01',
          validFrom: '2025-09-01',
          validTo: null,
          mergedIntoCode: null
        }
      }
    ])
    expect(await depthOn('CD01', '2025-10-01')).toBe(2)
    expect(await depthOn('CD01', '2025-08-31')).toBeUndefined()
    await undo(saved.change.batchId)
    expect(api.dump()).toBe(before)
  })

  it('refuses a used code, a parent not existing on the start date, a bad range and bad fields', async () => {
    const base = {
      code: 'CD01',
      name: 'Chi đoàn A',
      kind: 'CHI_DOAN',
      parentCode: 'X01',
      validFrom: '2025-09-01',
      validTo: null
    } as const
    const before = api.dump()
    const taken = await api.refusal('units.create', { ...base, code: 'X02' })
    expect(taken.code).toBe('CONFLICT')
    expect(taken.details).toEqual(['code: Mã đơn vị "X02" đã có (Đoàn xã Hiệp Thạnh); hãy chọn mã khác.'])
    // The new commune does not exist in 2024; the district union no longer exists in 2026.
    const early = await api.refusal('units.create', { ...base, validFrom: '2024-01-01' })
    expect(early.details).toEqual([
      'parentCode: Đơn vị cấp trên X01 Đoàn xã Đức Trọng không hoạt động ngày 01/01/2024: chỉ hoạt động từ ngày 01/07/2025.'
    ])
    const late = await api.refusal('units.create', { ...base, parentCode: 'HD1', validFrom: '2026-01-01' })
    expect(late.details[0]).toBe(
      'parentCode: Đơn vị cấp trên HD1 Huyện đoàn Đức Trọng không hoạt động ngày 01/01/2026: đã ngừng hoạt động sau ngày 30/06/2025.'
    )
    const noStart = await api.refusal('units.create', { ...base, validFrom: null })
    expect(noStart.details[0]).toMatch(/^parentCode: .*từ đầu \(khi không ghi ngày\)/)
    const unknown = await api.refusal('units.create', { ...base, parentCode: 'ZZZ' })
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: ['parentCode: Không có đơn vị mã "ZZZ".'] })
    const range = await api.refusal('units.create', { ...base, validTo: '2025-08-01' })
    expect(range.details).toEqual(['validTo: Hiệu lực đến không được trước Hiệu lực từ.'])
    const fields = await api.refusal('units.create', {
      ...base,
      name: ' ',
      kind: 'XA',
      validFrom: '31/02/2025'
    })
    expect(fields.details).toEqual(
      expect.arrayContaining([
        'name: Thiếu tên đơn vị.',
        'kind: Loại: hãy chọn một loại đơn vị trong danh sách.',
        expect.stringMatching(/^validFrom: Ngày không hợp lệ/)
      ])
    )
    expect(api.dump()).toBe(before)
  })

  it('edits a unit (code included), refuses a loop and an end that leaves children behind', async () => {
    const saved = await api.call('units.update', {
      originalCode: 'X03',
      code: 'X03A',
      name: 'Đoàn xã Tân Hội mới',
      kind: 'DOAN_XA',
      parentCode: 'TD',
      validFrom: '2025-07-01',
      validTo: null
    })
    expect(saved.change.label).toBe('Sửa đơn vị X03A Đoàn xã Tân Hội mới')
    const [entry] = api.logged(saved.change.batchId)
    expect(entry).toMatchObject({
      entity: 'units',
      action: 'update',
      oldValue: { code: 'X03', name: 'Đoàn xã Tân Hội' }
    })
    expect(entry!.newValue).toMatchObject({ code: 'X03A', name: 'Đoàn xã Tân Hội mới' })
    // Merged units still point to it under its new code.
    expect((await api.call('units.get', { code: 'XC05' })).mergedInto).toEqual({
      code: 'X03A',
      name: 'Đoàn xã Tân Hội mới'
    })

    // A loop: the Tỉnh đoàn under one of its own communes.
    const loop = await api.refusal('units.update', {
      originalCode: 'TD',
      code: 'TD',
      name: 'Tỉnh đoàn Lâm Đồng',
      kind: 'TINH_DOAN',
      parentCode: 'TT1',
      validFrom: null,
      validTo: null
    })
    expect(loop.details[0]).toMatch(
      /^parentCode: Không thể lưu: cây đơn vị sẽ bị vòng lặp .*Tỉnh đoàn Lâm Đồng → Đoàn Trường Đại học Đà Lạt → Tỉnh đoàn Lâm Đồng/
    )
    // Ending a district union earlier while its communes still sit under it.
    const early = await api.refusal('units.update', {
      originalCode: 'HD2',
      code: 'HD2',
      name: 'Huyện đoàn Di Linh',
      kind: 'HUYEN_DOAN',
      parentCode: 'TD',
      validFrom: null,
      validTo: '2024-12-31'
    })
    expect(early.code).toBe('CONFLICT')
    expect(early.details[0]).toBe(
      'validTo: Không thể lưu: Huyện đoàn Di Linh vẫn còn đơn vị trực thuộc sau ngày 31/12/2024: Đoàn xã Gia Hiệp, Đoàn xã Tam Bố, Đoàn xã Tân Châu. ' +
        'Hãy chuyển các đơn vị này sang đơn vị cấp trên khác (hoặc cho ngừng hoạt động) trước.'
    )
    const missing = await api.refusal('units.update', {
      originalCode: 'NOPE',
      code: 'NOPE',
      name: 'x',
      kind: 'KHAC',
      parentCode: null,
      validFrom: null,
      validTo: null
    })
    expect(missing.code).toBe('NOT_FOUND')
  })
})

describe('units.close', () => {
  it('closes on the last day, warns about later trips, and undoes', async () => {
    const before = api.dump()
    const closed = await api.call('units.close', { code: 'X02', lastDay: '2025-08-31' })
    expect(closed.change.label).toBe('Ngừng hoạt động: X02 Đoàn xã Hiệp Thạnh, ngày cuối 31/08/2025')
    expect(closed.value.tripsAfter.length).toBeGreaterThan(0)
    expect(api.unitRow('X02')?.validTo).toBe('2025-08-31')
    expect(await depthOn('X02', '2025-08-31')).toBe(1)
    expect(await depthOn('X02', '2025-09-01')).toBeUndefined()
    const history = (await api.call('units.get', { code: 'X02' })).history.map((l) => historyText(l.words))
    expect(history).toContain('Ngừng hoạt động, ngày cuối hoạt động 31/08/2025')
    // Trips stay.
    expect((await api.call('units.get', { code: 'X02' })).tripCount).toBeGreaterThan(0)
    await undo(closed.change.batchId)
    expect(api.dump()).toBe(before)
  })

  it('refuses closing a unit with open children (naming them), a closed unit, and a day before its start', async () => {
    const children = await api.refusal('units.close', { code: 'TD', lastDay: '2025-12-31' })
    expect(children.code).toBe('CONFLICT')
    expect(children.message).toMatch(
      /^Không thể cho ngừng hoạt động: Tỉnh đoàn Lâm Đồng vẫn còn đơn vị trực thuộc sau ngày 31\/12\/2025: .*Đoàn xã Đức Trọng/
    )
    expect(children.details[0]).toMatch(/^lastDay: /)
    const again = await api.refusal('units.close', { code: 'HD1', lastDay: '2025-12-31' })
    expect(again.message).toBe(
      'Đơn vị HD1 Huyện đoàn Đức Trọng đã có ngày cuối hoạt động 30/06/2025. Muốn đổi ngày, hãy sửa "Hiệu lực đến" của đơn vị.'
    )
    const early = await api.refusal('units.close', { code: 'X01', lastDay: '2025-06-01' })
    expect(early.details).toEqual([
      'lastDay: Ngày cuối hoạt động không được trước ngày thành lập (01/07/2025).'
    ])
    expect((await api.refusal('units.close', { code: 'X01' })).details[0]).toMatch(/^lastDay: /)
  })
})

describe('units.move and units.deleteMove', () => {
  it('moves a unit from a day: earlier days keep the old parent; undo and delete the move', async () => {
    const before = api.dump()
    const moved = await api.call('units.move', { code: 'TT1', parentCode: 'X10', fromDate: '2026-01-01' })
    expect(moved.change.label).toBe(
      'Chuyển đơn vị: TT1 Đoàn Trường Đại học Đà Lạt sang trực thuộc Đoàn phường Xuân Hương – Đà Lạt từ 01/01/2026'
    )
    expect(api.logged(moved.change.batchId)).toEqual([
      {
        entity: 'unit_moves',
        entityKey: 'TT1 (ngày 01/01/2026)',
        action: 'insert',
        oldValue: null,
        newValue: { unitCode: 'TT1', parentCode: 'X10', fromDate: '2026-01-01' }
      }
    ])
    expect(await depthOn('TT1', '2025-12-31')).toBe(1)
    expect(await depthOn('TT1', '2026-01-01')).toBe(2)
    const detail = await api.call('units.get', { code: 'TT1' })
    expect(historyText(detail.history[1]!.words)).toBe(
      'Trực thuộc Tỉnh đoàn Lâm Đồng đến 31/12/2025, từ 01/01/2026 trực thuộc Đoàn phường Xuân Hương – Đà Lạt'
    )
    expect(detail.moves).toEqual([
      { fromDate: '2026-01-01', parent: { code: 'X10', name: 'Đoàn phường Xuân Hương – Đà Lạt' } }
    ])
    await undo(moved.change.batchId)
    expect(api.dump()).toBe(before)

    // Same again, then removed with units.deleteMove (itself undoable).
    await api.call('units.move', { code: 'TT1', parentCode: null, fromDate: '2026-01-01' })
    expect(await depthOn('TT1', '2026-01-01')).toBe(0)
    const removed = await api.call('units.deleteMove', { code: 'TT1', fromDate: '2026-01-01' })
    expect(removed.change.label).toBe(
      'Xóa lần chuyển đơn vị cấp trên: TT1 Đoàn Trường Đại học Đà Lạt từ 01/01/2026'
    )
    expect(await depthOn('TT1', '2026-01-01')).toBe(1)
    await undo(removed.change.batchId)
    expect(await depthOn('TT1', '2026-01-01')).toBe(0)
  })

  it('refuses a move to the same parent, to a parent not existing then, into a loop, outside the unit’s life', async () => {
    const same = await api.refusal('units.move', { code: 'X01', parentCode: 'TD', fromDate: '2026-01-01' })
    expect(same.details).toEqual([
      'parentCode: Ngày 01/01/2026 Đoàn xã Đức Trọng đã trực thuộc Tỉnh đoàn Lâm Đồng.'
    ])
    const closedParent = await api.refusal('units.move', {
      code: 'X01',
      parentCode: 'HD1',
      fromDate: '2026-01-01'
    })
    expect(closedParent.details[0]).toMatch(
      /^parentCode: Đơn vị cấp trên HD1 Huyện đoàn Đức Trọng không hoạt động ngày 01\/01\/2026/
    )
    const loop = await api.refusal('units.move', { code: 'TD', parentCode: 'X01', fromDate: '2026-01-01' })
    expect(loop.details[0]).toMatch(/^parentCode: Không thể lưu: cây đơn vị sẽ bị vòng lặp ngày 01\/01\/2026/)
    const self = await api.refusal('units.move', { code: 'X01', parentCode: 'X01', fromDate: '2026-01-01' })
    expect(self.details).toEqual(['parentCode: Một đơn vị không thể trực thuộc chính nó.'])
    const outside = await api.refusal('units.move', {
      code: 'XC01',
      parentCode: 'TD',
      fromDate: '2025-07-01'
    })
    expect(outside.details).toEqual([
      'fromDate: Đoàn xã Liên Nghĩa không hoạt động ngày 01/07/2025: không chuyển được từ ngày đó.'
    ])
    const none = await api.refusal('units.deleteMove', { code: 'X01', fromDate: '2026-01-01' })
    expect(none.code).toBe('NOT_FOUND')
  })
})

describe('units.merge', () => {
  it('merges two communes into an existing one: history on both sides, trips kept, undo restores all', async () => {
    const before = api.dump()
    const tripsBefore = (await api.call('units.get', { code: 'X02' })).tripCount
    const merged = await api.call('units.merge', {
      sourceCodes: ['X02', 'X03'],
      fromDate: '2026-01-01',
      target: 'existing',
      targetCode: 'X01'
    })
    expect(merged.change.label).toBe(
      'Sáp nhập Đoàn xã Hiệp Thạnh, Đoàn xã Tân Hội vào Đoàn xã Đức Trọng từ 01/01/2026'
    )
    expect(merged.value).toMatchObject({ code: 'X01', name: 'Đoàn xã Đức Trọng', movedChildren: [] })
    expect(merged.value.tripsAfter.every((t) => t.endDate > '2025-12-31')).toBe(true)
    expect(api.unitRow('X02')).toMatchObject({ validTo: '2025-12-31', mergedIntoId: api.unitRow('X01')!.id })
    expect(api.logged(merged.change.batchId).map((e) => [e.entity, e.entityKey, e.action])).toEqual([
      ['units', 'X02', 'update'],
      ['units', 'X03', 'update']
    ])
    expect(api.logged(merged.change.batchId)[0]!.newValue).toMatchObject({
      validTo: '2025-12-31',
      mergedIntoCode: 'X01'
    })

    const old = await api.call('units.get', { code: 'X02' })
    expect(old.history.map((l) => historyText(l.words))).toContain(
      'Sáp nhập vào Đoàn xã Đức Trọng từ 01/01/2026'
    )
    expect(old.tripCount).toBe(tripsBefore)
    const target = await api.call('units.get', { code: 'X01' })
    expect(historyText(target.history.at(-1)!.words)).toBe(
      'Các đơn vị đã sáp nhập vào: Đoàn xã Liên Nghĩa (từ 01/07/2025), Đoàn xã Phú Hội (từ 01/07/2025), ' +
        'Đoàn xã Hiệp Thạnh (từ 01/01/2026), Đoàn xã Tân Hội (từ 01/01/2026)'
    )
    expect(await depthOn('X02', '2025-12-31')).toBe(1)
    expect(await depthOn('X02', '2026-01-01')).toBeUndefined()

    const undone = await undo(merged.change.batchId)
    expect(undone.undone.label).toBe(merged.change.label)
    expect(api.dump()).toBe(before)
    expect((await api.call('units.get', { code: 'X02' })).status).toBe('active')
  })

  it('merges into a new unit created in the same write and moves the children over; undo removes it all', async () => {
    // A chi đoàn under one of the communes first.
    await api.call('units.create', {
      code: 'CD01',
      name: 'Chi đoàn thôn 1',
      kind: 'CHI_DOAN',
      parentCode: 'X04',
      validFrom: '2025-07-01',
      validTo: null
    })
    const before = api.dump()
    const merged = await api.call('units.merge', {
      sourceCodes: ['X04', 'X05'],
      fromDate: '2026-01-01',
      target: 'new',
      targetCode: 'X13',
      newName: 'Đoàn xã Di Linh mới',
      newKind: 'DOAN_XA',
      newParentCode: 'TD'
    })
    expect(merged.change.label).toBe(
      'Sáp nhập Đoàn xã Di Linh, Đoàn xã Gia Hiệp vào đơn vị mới X13 Đoàn xã Di Linh mới từ 01/01/2026'
    )
    expect(merged.value.movedChildren).toEqual([{ code: 'CD01', name: 'Chi đoàn thôn 1' }])
    expect(api.logged(merged.change.batchId).map((e) => [e.entity, e.entityKey, e.action])).toEqual([
      ['units', 'X13', 'insert'],
      ['units', 'X04', 'update'],
      ['units', 'X05', 'update'],
      ['unit_moves', 'CD01 (ngày 01/01/2026)', 'insert']
    ])
    expect(api.unitRow('X13')).toMatchObject({
      validFrom: '2026-01-01',
      kind: 'DOAN_XA',
      parentId: api.unitRow('TD')!.id
    })
    const tree = await api.call('units.tree', { date: '2026-01-01' })
    const rows = flattenTree(tree.roots)
    expect(rows.find((r) => r.node.code === 'CD01')).toMatchObject({ depth: 2 })
    const newUnit = tree.roots[0]!.children.find((c) => c.code === 'X13')!
    expect(newUnit.children.map((c) => c.code)).toEqual(['CD01'])
    const chiDoan = await api.call('units.get', { code: 'CD01' })
    expect(historyText(chiDoan.history[1]!.words)).toBe(
      'Trực thuộc Đoàn xã Di Linh đến 31/12/2025, từ 01/01/2026 trực thuộc Đoàn xã Di Linh mới'
    )
    await undo(merged.change.batchId)
    expect(api.dump()).toBe(before)
    expect(api.unitRow('X13')).toBeUndefined()
  })

  it('refuses what would break the tree, changing nothing', async () => {
    const before = api.dump()
    const base = {
      sourceCodes: ['X02', 'X03'],
      fromDate: '2026-01-01',
      target: 'existing',
      targetCode: 'X01'
    } as const
    expect((await api.refusal('units.merge', { ...base, sourceCodes: [] })).details).toEqual([
      'sourceCodes: Chọn ít nhất một đơn vị bị sáp nhập.'
    ])
    expect((await api.refusal('units.merge', { ...base, targetCode: 'X02' })).details).toEqual([
      'targetCode: Đơn vị nhận sáp nhập không được là một trong các đơn vị bị sáp nhập.'
    ])
    expect((await api.refusal('units.merge', { ...base, sourceCodes: ['X02', 'X02'] })).details).toEqual([
      'sourceCodes: Một đơn vị bị chọn hai lần.'
    ])
    const already = await api.refusal('units.merge', {
      ...base,
      sourceCodes: ['XC01'],
      fromDate: '2025-07-01'
    })
    expect(already.details).toEqual([
      'sourceCodes: Đoàn xã Liên Nghĩa đã sáp nhập vào Đoàn xã Đức Trọng trước đó.'
    ])
    const tooEarly = await api.refusal('units.merge', { ...base, fromDate: '2025-05-01' })
    expect(tooEarly.details[0]).toBe(
      'sourceCodes: Đoàn xã Hiệp Thạnh không hoạt động ngày 30/04/2025 (ngày trước ngày sáp nhập): không sáp nhập được từ 01/05/2025.'
    )
    const closedTarget = await api.refusal('units.merge', { ...base, targetCode: 'HD1' })
    expect(closedTarget.details).toEqual([
      'targetCode: Đơn vị nhận sáp nhập Huyện đoàn Đức Trọng không hoạt động ngày 01/01/2026.'
    ])
    const usedCode = await api.refusal('units.merge', {
      ...base,
      target: 'new',
      targetCode: 'TD',
      newName: 'Mới',
      newKind: 'DOAN_XA'
    })
    expect(usedCode.details[0]).toMatch(/^targetCode: Mã đơn vị "TD" đã có/)
    const missing = await api.refusal('units.merge', { ...base, target: 'new', targetCode: 'X99' })
    expect(missing.details).toEqual([
      'newName: Thiếu tên đơn vị mới.',
      'newKind: Chưa chọn loại của đơn vị mới.'
    ])
    // The target sits under a source: the Tỉnh đoàn into one of its communes.
    const under = await api.refusal('units.merge', { ...base, sourceCodes: ['TD'], targetCode: 'X01' })
    expect(under.details[0]).toBe(
      'targetCode: Đơn vị nhận sáp nhập Đoàn xã Đức Trọng đang trực thuộc Tỉnh đoàn Lâm Đồng: hãy chọn đơn vị khác.'
    )
    expect(api.dump()).toBe(before)
  })
})

describe('a small office without the demo', () => {
  it('moves a commune from its district union to the Tỉnh đoàn so the district union leaves nothing behind', async () => {
    const office = openUnitsApi(smallOffice())
    try {
      const blocked = await office.refusal('units.impact', { codes: [], lastDay: 'x' })
      expect(blocked.code).toBe('VALIDATION')
      const impact = await office.call('units.impact', { codes: ['HD1'], lastDay: '2025-06-30' })
      expect(impact.openChildren).toEqual([
        {
          child: { code: 'XA', name: 'Đoàn xã Hiệp Thạnh' },
          parent: { code: 'HD1', name: 'Huyện đoàn Đức Trọng' }
        }
      ])
      await office.call('units.move', { code: 'XA', parentCode: 'TD', fromDate: '2025-07-01' })
      expect(
        (await office.call('units.impact', { codes: ['HD1'], lastDay: '2025-06-30' })).openChildren
      ).toEqual([])
      const xa = await office.call('units.get', { code: 'XA' })
      expect(historyText(xa.history[1]!.words)).toBe(
        'Trực thuộc Huyện đoàn Đức Trọng đến 30/06/2025, từ 01/07/2025 trực thuộc Tỉnh đoàn Lâm Đồng'
      )
      // The chi đoàn stays under its commune across the reform.
      const tree = await office.call('units.tree', { date: '2026-01-01' })
      expect(flattenTree(tree.roots).map((r) => [r.node.code, r.depth])).toEqual([
        ['TD', 0],
        ['XA', 1],
        ['CDA', 2],
        ['XB', 1]
      ])
    } finally {
      office.close()
    }
  })
})
