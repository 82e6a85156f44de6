import { describe, expect, it } from 'vitest'
import { isReportOverdue, reportDueDate, reportOverdueDays } from '../../../shared/domain/reports-due'

describe('trip report deadline (RULES.md §8)', () => {
  const done = { status: 'DA_THUC_HIEN' as const, endDate: '2025-03-13', reportDate: null }

  it('is due the given number of days after the trip ends', () => {
    expect(reportDueDate('2025-03-13', 10)).toBe('2025-03-23')
    expect(reportDueDate('2025-12-28', 10)).toBe('2026-01-07')
  })

  it('is overdue only after the due day', () => {
    expect(reportOverdueDays(done, '2025-03-23', 10)).toBe(0)
    expect(reportOverdueDays(done, '2025-03-24', 10)).toBe(1)
    expect(reportOverdueDays(done, '2025-04-02', 10)).toBe(10)
    expect(isReportOverdue(done, '2025-03-24', 10)).toBe(true)
    expect(isReportOverdue(done, '2025-03-24', 30)).toBe(false)
  })

  it('is never overdue once reported, or for a planned trip', () => {
    expect(reportOverdueDays({ ...done, reportDate: '2025-05-01' }, '2025-06-30', 10)).toBe(0)
    expect(reportOverdueDays({ ...done, status: 'DA_BAO_CAO' }, '2025-06-30', 10)).toBe(0)
    expect(reportOverdueDays({ ...done, status: 'DU_KIEN' }, '2025-06-30', 10)).toBe(0)
  })
})
