import { describe, expect, it } from 'vitest'
import { formatDays, formatNumberVi, formatPercent } from '../../../shared/domain/format'

describe('number formatting', () => {
  it('uses a decimal comma and dots for thousands', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5')
    expect(formatNumberVi(1234567.25)).toBe('1.234.567,25')
    expect(formatNumberVi(56.58)).toBe('56,58')
    expect(formatNumberVi(0)).toBe('0')
  })

  it('writes days as whole or half days', () => {
    expect(formatDays(61.5)).toBe('61,5')
    expect(formatDays(60)).toBe('60')
    expect(formatDays(339.5)).toBe('339,5')
    expect(formatDays(0.5)).toBe('0,5')
  })

  it('writes a share as a percentage with one decimal', () => {
    expect(formatPercent(0.24603174603174602)).toBe('24,6%')
    expect(formatPercent(0.4)).toBe('40%')
    expect(formatPercent(0.5)).toBe('50%')
    expect(formatPercent(1 / 3)).toBe('33,3%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(0.12345, 2)).toBe('12,35%')
  })
})
