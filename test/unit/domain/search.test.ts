import { describe, expect, it } from 'vitest'
import { foldForSearch, matchesSearch } from '../../../shared/domain/search'

describe('search without diacritics', () => {
  it('folds case, marks and đ', () => {
    expect(foldForSearch('  Nguyễn Thị   NGỌC ')).toBe('nguyen thi ngoc')
    expect(foldForSearch('Đức Đoàn')).toBe('duc doan')
    // Decomposed input (as some keyboards send it) folds the same as composed.
    expect(foldForSearch('Ngọc'.normalize('NFD'))).toBe('ngoc')
  })

  it('finds "ngoc" in "Ngọc" and "duc" in "Đức", every word anywhere', () => {
    expect(matchesSearch('ngoc', 'Trần Thị Ngọc Ánh')).toBe(true)
    expect(matchesSearch('duc', 'Lê Minh Đức')).toBe(true)
    expect(matchesSearch('anh tran', 'Trần Thị Ngọc Ánh')).toBe(true)
    expect(matchesSearch('CB01', 'Lê Minh Đức', 'CB01')).toBe(true)
    expect(matchesSearch('ngoc duc', 'Trần Thị Ngọc Ánh')).toBe(false)
    expect(matchesSearch('', 'anything')).toBe(true)
    expect(matchesSearch('x', null, undefined)).toBe(false)
  })
})
