/**
 * The main navigation, in the order the office works through it, and what each section last
 * showed: a section link brings the clerk back to the filters they left there (the URL's
 * search part), not to a reset page.
 */
export const NAV_ITEMS = [
  { to: '/tong-quan', label: 'Tổng quan' },
  { to: '/can-bo', label: 'Cán bộ' },
  { to: '/don-vi', label: 'Đơn vị' },
  { to: '/chuyen-di', label: 'Chuyến đi' },
  { to: '/ke-hoach-quy', label: 'Kế hoạch quý' },
  { to: '/3-chu-dong', label: '3 chủ động' },
  { to: '/tong-hop-nam', label: 'Tổng hợp năm' },
  { to: '/van-ban', label: 'Văn bản' },
  { to: '/nhap-xuat', label: 'Nhập / xuất Excel' },
  { to: '/lich-su', label: 'Lịch sử thay đổi' },
  { to: '/sao-luu', label: 'Sao lưu' },
  { to: '/cai-dat', label: 'Cài đặt' }
] as const

export type NavPath = (typeof NAV_ITEMS)[number]['to']

/** The section a path belongs to: "/can-bo/CB01" is in "/can-bo". */
export function sectionOf(pathname: string): NavPath | null {
  return NAV_ITEMS.find((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))?.to ?? null
}

const lastSearch = new Map<NavPath, Record<string, unknown>>()

/** Remembers the search (filters) a section's list page was left with. */
export function rememberSearch(pathname: string, search: Record<string, unknown>): void {
  const section = sectionOf(pathname)
  if (section && pathname === section) lastSearch.set(section, search)
}

export function searchFor(section: NavPath): Record<string, unknown> {
  return lastSearch.get(section) ?? {}
}
