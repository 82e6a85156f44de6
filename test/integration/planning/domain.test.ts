/** The pure planning rules (shared/domain/planning.ts): quarters offered, the default quarter, rounds, moves. */
import { describe, expect, it } from 'vitest'
import {
  canMoveRegistration,
  defaultPlanningQuarter,
  quarterChoices,
  registrationSpanIssues,
  roundIssues,
  roundSpanLabel
} from '../../../shared/domain/planning'

describe('planning rules', () => {
  it('offers every quarter of this year and next year, so Q1 of next year in November', () => {
    const labels = quarterChoices('2025-11-20').map((c) => c.label)
    expect(labels).toEqual([
      'Quý I/2025',
      'Quý II/2025',
      'Quý III/2025',
      'Quý IV/2025',
      'Quý I/2026',
      'Quý II/2026',
      'Quý III/2026',
      'Quý IV/2026'
    ])
    expect(quarterChoices('2025-11-20', [2024]).length).toBe(12)
  })

  it('opens on the next quarter during the last month of one', () => {
    expect(defaultPlanningQuarter('2025-10-15')).toEqual({ year: 2025, quarter: 4 })
    expect(defaultPlanningQuarter('2025-12-01')).toEqual({ year: 2026, quarter: 1 })
    expect(defaultPlanningQuarter('2025-03-31')).toEqual({ year: 2025, quarter: 2 })
  })

  it('keeps rounds inside their quarter and apart from each other', () => {
    const round = {
      year: 2025,
      quarter: 4 as const,
      number: 2,
      startDate: '2025-11-10',
      endDate: '2025-11-14'
    }
    expect(roundIssues(round, [])).toEqual([])
    expect(roundIssues({ ...round, endDate: '2026-01-02' }, [])[0]).toMatchObject({ field: 'endDate' })
    expect(
      roundIssues(round, [{ number: 1, startDate: '2025-11-14', endDate: '2025-11-20' }])[0]!.message
    ).toBe('Trùng thời gian với Đợt 1 (14/11 – 20/11/2025).')
    expect(
      roundIssues(round, [{ number: 2, startDate: '2025-10-01', endDate: '2025-10-03' }])[0]!.message
    ).toBe('Quý IV/2025 đã có đợt 2.')
    expect(roundSpanLabel({ number: 1, startDate: '2025-12-29', endDate: '2026-01-02' })).toBe(
      'Đợt 1 (29/12/2025 – 02/01/2026)'
    )
  })

  it('keeps a registration inside its quarter and its round', () => {
    const span = {
      startDate: '2025-11-10',
      startHalf: 'SANG' as const,
      endDate: '2025-11-11',
      endHalf: 'CHIEU' as const
    }
    const round = { number: 2, startDate: '2025-11-10', endDate: '2025-11-14' }
    expect(registrationSpanIssues(span, 2025, 4, round)).toEqual([])
    expect(registrationSpanIssues({ ...span, endDate: '2025-11-17' }, 2025, 4, round)[0]!.field).toBe(
      'startDate'
    )
    expect(registrationSpanIssues(span, 2025, 3, null)[0]!.message).toContain('Quý III/2025')
    expect(
      registrationSpanIssues(
        { ...span, endDate: '2025-11-10', startHalf: 'CHIEU', endHalf: 'SANG' },
        2025,
        4,
        null
      )[0]!.field
    ).toBe('endHalf')
  })

  it('moves statuses forward, lets the ban be skipped, and keeps approval final', () => {
    expect(canMoveRegistration('DANG_KY', 'BAN_DUYET')).toBe(true)
    expect(canMoveRegistration('DANG_KY', 'THUONG_TRUC_DUYET')).toBe(true)
    expect(canMoveRegistration('TU_CHOI', 'DANG_KY')).toBe(true)
    expect(canMoveRegistration('THUONG_TRUC_DUYET', 'DANG_KY')).toBe(false)
    expect(canMoveRegistration('TU_CHOI', 'THUONG_TRUC_DUYET')).toBe(false)
  })
})
