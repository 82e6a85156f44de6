/** Migration 0006: the "3 chủ động" tables exist on a fresh database and refuse bad rows. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'

let dir: string
let handle: DatabaseHandle

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdcs-3cd-schema-'))
  handle = openDatabase(join(dir, 'fresh.sqlite'))
  const run = (sql: string) => handle.sqlite.prepare(sql).run()
  run(`INSERT INTO units (id, code, name, kind) VALUES (1, 'X1', 'Đoàn xã A', 'DOAN_XA')`)
  run(`INSERT INTO departments (id, code, name, abbreviation) VALUES (1, 'VP', 'Văn phòng', 'VP')`)
  run(
    `INSERT INTO cadres (id, code, full_name, position, department_id) VALUES (1, 'C1', 'Lê Văn A', 'Chuyên viên', 1)`
  )
  run(
    `INSERT INTO three_active_periods (id, start_year, end_year, name) VALUES (1, 2023, 2027, 'Giai đoạn 2023–2027')`
  )
  run(
    `INSERT INTO three_active_criteria (id, period_id, code, pillar, position, text) VALUES (1, 1, '1.1', 1, 1, 'a')`
  )
  run(
    `INSERT INTO three_active_registrations (id, unit_id, year, registered_on, follower_id) VALUES (1, 1, 2026, '2025-10-01', 1)`
  )
})

afterAll(() => {
  handle?.close()
  rmSync(dir, { recursive: true, force: true })
})

function refused(sql: string, pattern: RegExp): void {
  expect(() => handle.sqlite.prepare(sql).run()).toThrow(pattern)
}

describe('three-active tables', () => {
  it('exist', () => {
    const names = handle.sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'three_active_%' ORDER BY name`
      )
      .all()
      .map((r) => (r as { name: string }).name)
    expect(names).toEqual([
      'three_active_commendations',
      'three_active_criteria',
      'three_active_decisions',
      'three_active_periods',
      'three_active_registrations',
      'three_active_results',
      'three_active_years'
    ])
  })
  it('refuse bad periods and criteria', () => {
    refused(
      `INSERT INTO three_active_periods (start_year, end_year, name) VALUES (2023, 2030, 'x')`,
      /UNIQUE/
    )
    refused(
      `INSERT INTO three_active_periods (start_year, end_year, name) VALUES (2030, 2029, 'x')`,
      /CHECK.*three_active_periods_range/
    )
    refused(
      `INSERT INTO three_active_criteria (period_id, code, pillar, position, text) VALUES (1, '1.1', 1, 2, 'b')`,
      /UNIQUE/
    )
    refused(
      `INSERT INTO three_active_criteria (period_id, code, pillar, position, text) VALUES (1, '4.1', 4, 2, 'b')`,
      /three_active_criteria_pillar/
    )
    refused(
      `INSERT INTO three_active_criteria (period_id, code, pillar, position, text, max_score) VALUES (1, '1.3', 1, 3, 'b', 0)`,
      /three_active_criteria_score/
    )
    refused(
      `INSERT INTO three_active_criteria (period_id, code, pillar, position, text) VALUES (99, '1.4', 1, 3, 'b')`,
      /FOREIGN KEY/
    )
  })
  it('refuse bad registrations and results', () => {
    refused(
      `INSERT INTO three_active_registrations (unit_id, year, registered_on) VALUES (1, 2026, '2025-10-02')`,
      /UNIQUE/
    )
    refused(
      `INSERT INTO three_active_registrations (unit_id, year, registered_on) VALUES (99, 2027, '2026-10-02')`,
      /FOREIGN KEY/
    )
    refused(
      `INSERT INTO three_active_registrations (unit_id, year, registered_on, follower_id) VALUES (1, 2027, '2026-10-02', 99)`,
      /FOREIGN KEY/
    )
    refused(
      `INSERT INTO three_active_registrations (unit_id, year, registered_on, plan_file_name) VALUES (1, 2028, '2027-10-02', 'a.docx')`,
      /three_active_registrations_file/
    )
    handle.sqlite
      .prepare(`INSERT INTO three_active_results (registration_id, criterion_id, passed) VALUES (1, 1, 1)`)
      .run()
    refused(
      `INSERT INTO three_active_results (registration_id, criterion_id, passed) VALUES (1, 1, 0)`,
      /UNIQUE|PRIMARY/
    )
    refused(
      `INSERT INTO three_active_results (registration_id, criterion_id, passed) VALUES (1, 99, 0)`,
      /FOREIGN KEY/
    )
    refused(
      `INSERT INTO three_active_results (registration_id, criterion_id, passed, score) VALUES (1, 1, 0, -1)`,
      /three_active_results_score|UNIQUE|PRIMARY/
    )
    // A criterion in use cannot be deleted; a deleted registration takes its marks along.
    refused(`DELETE FROM three_active_criteria WHERE id = 1`, /FOREIGN KEY/)
    handle.sqlite.prepare(`DELETE FROM three_active_registrations WHERE id = 1`).run()
    expect(handle.sqlite.prepare(`SELECT count(*) AS n FROM three_active_results`).get()).toEqual({ n: 0 })
  })
  it('refuse bad deadlines, decisions and commendations', () => {
    refused(
      `INSERT INTO three_active_years (year, registration_deadline, report_deadline) VALUES (2026, '2025-10-10', '2025-10-01')`,
      /three_active_years_order/
    )
    handle.sqlite
      .prepare(`INSERT INTO three_active_decisions (year, decided_on) VALUES (2026, '2026-12-20')`)
      .run()
    refused(
      `INSERT INTO three_active_decisions (year, decided_on) VALUES (2026, '2026-12-21')`,
      /UNIQUE|PRIMARY/
    )
    refused(
      `INSERT INTO three_active_commendations (unit_id, term, round, decided_on) VALUES (1, '2025–2030', 3, '2027-01-01')`,
      /three_active_commendations_round/
    )
    handle.sqlite
      .prepare(
        `INSERT INTO three_active_commendations (unit_id, term, round, decided_on) VALUES (1, '2025–2030', 1, '2027-01-01')`
      )
      .run()
    refused(
      `INSERT INTO three_active_commendations (unit_id, term, round, decided_on) VALUES (1, '2025–2030', 1, '2027-02-01')`,
      /UNIQUE/
    )
    refused(
      `INSERT INTO three_active_commendations (unit_id, term, round, decided_on) VALUES (99, '2025–2030', 2, '2027-02-01')`,
      /FOREIGN KEY/
    )
  })
})
