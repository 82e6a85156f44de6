/**
 * The planning tables (migration 0005) on a fresh database: they exist and refuse bad rows by
 * their own constraints (foreign keys, checks, unique keys), whatever service writes them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'

let dir: string
let handle: DatabaseHandle

function run(sql: string): void {
  handle.sqlite.prepare(sql).run()
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdcs-plan-schema-'))
  handle = openDatabase(join(dir, 'fresh.sqlite'))
  run(`INSERT INTO departments (id, code, name, abbreviation) VALUES (1, 'VP', 'Văn phòng', 'VP')`)
  run(
    `INSERT INTO cadres (id, code, full_name, position, department_id) VALUES (1, 'CB01', 'Lê Minh Đức', 'Chánh Văn phòng', 1)`
  )
  run(`INSERT INTO units (id, code, name, kind) VALUES (1, 'X01', 'Đoàn xã A', 'DOAN_XA')`)
  run(
    `INSERT INTO trips (id, code, start_date, end_date, kind, status, created_at) VALUES (1, 'T1', '2025-10-01', '2025-10-02', 'CHUYEN_DE', 'DU_KIEN', 'x')`
  )
})

afterAll(() => {
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

const registration = (over: Record<string, string>) => {
  const values: Record<string, string> = {
    code: "'DK9'",
    cadre_id: '1',
    year: '2025',
    quarter: '4',
    start_date: "'2025-10-01'",
    end_date: "'2025-10-02'",
    kind: "'CHUYEN_DE'",
    created_at: "'x'",
    ...over
  }
  return `INSERT INTO registrations (${Object.keys(values).join(', ')}) VALUES (${Object.values(values).join(', ')})`
}

describe('planning tables', () => {
  it('exist', () => {
    const names = (
      handle.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((r) => r.name)
    for (const t of [
      'planning_rounds',
      'registrations',
      'registration_units',
      'oversight_clusters',
      'oversight_cluster_units',
      'oversight_assignments'
    ]) {
      expect(names).toContain(t)
    }
  })

  it('rounds: quarter 1–4, number > 0, end not before start, one number per quarter', () => {
    run(
      `INSERT INTO planning_rounds (year, quarter, number, start_date, end_date) VALUES (2025, 4, 1, '2025-10-06', '2025-10-10')`
    )
    expect(() =>
      run(
        `INSERT INTO planning_rounds (year, quarter, number, start_date, end_date) VALUES (2025, 5, 1, '2025-10-06', '2025-10-10')`
      )
    ).toThrow(/CHECK/)
    expect(() =>
      run(
        `INSERT INTO planning_rounds (year, quarter, number, start_date, end_date) VALUES (2025, 4, 0, '2025-10-06', '2025-10-10')`
      )
    ).toThrow(/CHECK/)
    expect(() =>
      run(
        `INSERT INTO planning_rounds (year, quarter, number, start_date, end_date) VALUES (2025, 4, 2, '2025-10-10', '2025-10-06')`
      )
    ).toThrow(/CHECK/)
    expect(() =>
      run(
        `INSERT INTO planning_rounds (year, quarter, number, start_date, end_date) VALUES (2025, 4, 1, '2025-11-06', '2025-11-10')`
      )
    ).toThrow(/UNIQUE/)
  })

  it('registrations: cadre, round and trip must exist; status, source, range and the trip link are checked', () => {
    run(registration({ code: "'DK1'", round_id: '1' }))
    expect(() => run(registration({ cadre_id: '99' }))).toThrow(/FOREIGN KEY/)
    expect(() => run(registration({ round_id: '99' }))).toThrow(/FOREIGN KEY/)
    expect(() => run(registration({ status: "'XONG'" }))).toThrow(/CHECK/)
    expect(() => run(registration({ source: "'KHAC'" }))).toThrow(/CHECK/)
    expect(() => run(registration({ quarter: '0' }))).toThrow(/CHECK/)
    expect(() => run(registration({ end_date: "'2025-09-30'" }))).toThrow(/CHECK/)
    expect(() =>
      run(registration({ end_date: "'2025-10-01'", start_half: "'CHIEU'", end_half: "'SANG'" }))
    ).toThrow(/CHECK/)
    // A trip only belongs to an approved registration, and to one only.
    expect(() => run(registration({ trip_id: '1' }))).toThrow(/CHECK/)
    run(registration({ code: "'DK2'", trip_id: '1', status: "'THUONG_TRUC_DUYET'" }))
    expect(() => run(registration({ code: "'DK3'", trip_id: '1', status: "'THUONG_TRUC_DUYET'" }))).toThrow(
      /UNIQUE/
    )
    expect(() => run(registration({ code: "'DK1'" }))).toThrow(/UNIQUE/)
    // Deleting the trip in the logbook keeps the registration, without its link.
    run(`DELETE FROM trips WHERE id = 1`)
    expect(handle.sqlite.prepare(`SELECT trip_id FROM registrations WHERE code = 'DK2'`).get()).toEqual({
      trip_id: null
    })
  })

  it('registration units: registration and unit must exist, each unit once', () => {
    run(`INSERT INTO registration_units (registration_id, unit_id, position) VALUES (1, 1, 0)`)
    expect(() =>
      run(`INSERT INTO registration_units (registration_id, unit_id, position) VALUES (1, 1, 1)`)
    ).toThrow(/UNIQUE|PRIMARY/)
    expect(() =>
      run(`INSERT INTO registration_units (registration_id, unit_id, position) VALUES (1, 99, 1)`)
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      run(`INSERT INTO registration_units (registration_id, unit_id, position) VALUES (99, 1, 1)`)
    ).toThrow(/FOREIGN KEY/)
  })

  it('oversight: a unit or a cluster (exactly one), dates in order, codes unique', () => {
    run(`INSERT INTO oversight_clusters (id, code, name) VALUES (1, 'C1', 'Cụm 1')`)
    expect(() => run(`INSERT INTO oversight_clusters (code, name) VALUES ('C1', 'Cụm khác')`)).toThrow(
      /UNIQUE/
    )
    run(`INSERT INTO oversight_cluster_units (cluster_id, unit_id, position) VALUES (1, 1, 0)`)
    expect(() =>
      run(`INSERT INTO oversight_cluster_units (cluster_id, unit_id, position) VALUES (1, 99, 1)`)
    ).toThrow(/FOREIGN KEY/)
    run(`INSERT INTO oversight_assignments (cadre_id, unit_id, from_date) VALUES (1, 1, '2025-01-01')`)
    run(
      `INSERT INTO oversight_assignments (cadre_id, cluster_id, from_date, to_date) VALUES (1, 1, '2025-01-01', '2025-12-31')`
    )
    expect(() =>
      run(
        `INSERT INTO oversight_assignments (cadre_id, unit_id, cluster_id, from_date) VALUES (1, 1, 1, '2025-01-01')`
      )
    ).toThrow(/CHECK/)
    expect(() =>
      run(`INSERT INTO oversight_assignments (cadre_id, from_date) VALUES (1, '2025-01-01')`)
    ).toThrow(/CHECK/)
    expect(() =>
      run(
        `INSERT INTO oversight_assignments (cadre_id, unit_id, from_date, to_date) VALUES (1, 1, '2025-02-01', '2025-01-01')`
      )
    ).toThrow(/CHECK/)
    expect(() =>
      run(`INSERT INTO oversight_assignments (cadre_id, unit_id, from_date) VALUES (99, 1, '2025-01-01')`)
    ).toThrow(/FOREIGN KEY/)
  })
})
