import { describe, expect, it } from 'vitest'
import {
  compareVietnamese,
  compareVietnameseNames,
  splitVietnameseName
} from '../../../shared/domain/collation'

function sortNames(names: string[]): string[] {
  return [...names].sort(compareVietnameseNames)
}

describe('Vietnamese name order', () => {
  it('splits a full name into family, middle and given name', () => {
    expect(splitVietnameseName('Nguyễn Thị Minh Khai')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai'
    })
    expect(splitVietnameseName('  Lê   Văn  Đức ')).toEqual({ family: 'Lê', middle: 'Văn', given: 'Đức' })
    expect(splitVietnameseName('Trần Bình')).toEqual({ family: 'Trần', middle: '', given: 'Bình' })
    expect(splitVietnameseName('Út')).toEqual({ family: '', middle: '', given: 'Út' })
  })

  it('orders by given name first', () => {
    expect(compareVietnameseNames('Nguyễn Văn An', 'Trần Thị Bình')).toBeLessThan(0)
    expect(compareVietnameseNames('Trần Thị Bình', 'Nguyễn Văn An')).toBeGreaterThan(0)
    expect(sortNames(['Trần Văn Bé', 'Nguyễn Hồng Thắm', 'Võ Quang Ánh', 'Lê Minh Đức'])).toEqual([
      'Võ Quang Ánh',
      'Trần Văn Bé',
      'Lê Minh Đức',
      'Nguyễn Hồng Thắm'
    ])
  })

  it('puts d before đ: "Lê Văn Đức" after "Lê Văn Dũng"', () => {
    expect(compareVietnameseNames('Lê Văn Đức', 'Lê Văn Dũng')).toBeGreaterThan(0)
    expect(sortNames(['Lê Văn Đức', 'Lê Văn Dũng', 'Lê Văn Dung', 'Lê Văn Em'])).toEqual([
      'Lê Văn Dung',
      'Lê Văn Dũng',
      'Lê Văn Đức',
      'Lê Văn Em'
    ])
  })

  it('orders a < ă < â, e < ê, o < ô < ơ, u < ư', () => {
    expect(sortNames(['Phạm Thị Ân', 'Phạm Thị Ăn', 'Phạm Thị An'])).toEqual([
      'Phạm Thị An',
      'Phạm Thị Ăn',
      'Phạm Thị Ân'
    ])
    expect(compareVietnamese('e', 'ê')).toBeLessThan(0)
    expect(compareVietnamese('o', 'ô')).toBeLessThan(0)
    expect(compareVietnamese('ô', 'ơ')).toBeLessThan(0)
    expect(compareVietnamese('u', 'ư')).toBeLessThan(0)
    expect(compareVietnamese('Ý', 'Yến')).toBeLessThan(0)
  })

  it('orders by the middle name, then the family name, when given names are equal', () => {
    expect(sortNames(['Trần Văn An', 'Nguyễn Văn An', 'Lê Thị An'])).toEqual([
      'Lê Thị An',
      'Nguyễn Văn An',
      'Trần Văn An'
    ])
    expect(compareVietnameseNames('Nguyễn An', 'Lê Văn An')).toBeLessThan(0)
  })

  it('sorts NFD input the same as NFC', () => {
    const nfc = [
      'Lê Văn Đức',
      'Lê Văn Dũng',
      'Phạm Thị Ân',
      'Phạm Thị Ăn',
      'Nguyễn Hồng Thắm',
      'Huỳnh Thị Ơn'
    ]
    const nfd = nfc.map((n) => n.normalize('NFD'))
    expect(nfd[0]).not.toBe(nfc[0])
    expect(sortNames(nfd).map((n) => n.normalize('NFC'))).toEqual(sortNames(nfc))
    for (let i = 0; i < nfc.length; i++) expect(compareVietnameseNames(nfd[i] ?? '', nfc[i] ?? '')).toBe(0)
  })

  it('ignores case and surrounding spaces', () => {
    expect(compareVietnameseNames('nguyễn văn an', ' Nguyễn Văn An ')).toBe(0)
  })
})
