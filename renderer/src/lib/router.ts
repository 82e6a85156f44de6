/**
 * A tiny hash router: the app has a handful of pages and no deep links from outside, and a
 * hash survives the file:// URL Electron loads the renderer from.
 */
import { useEffect, useState } from 'react'

export const PAGES = [
  { id: 'tong-hop-nam', label: 'Tổng hợp năm' },
  { id: 'van-ban', label: 'Văn bản' },
  { id: 'nhap-xuat', label: 'Nhập / xuất Excel' }
] as const

export type PageId = (typeof PAGES)[number]['id']

const DEFAULT_PAGE: PageId = 'tong-hop-nam'

function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '')
  return PAGES.find((p) => p.id === id)?.id ?? DEFAULT_PAGE
}

export function pageHref(id: PageId): string {
  return `#/${id}`
}

export function navigate(id: PageId): void {
  window.location.hash = pageHref(id)
}

export function useCurrentPage(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setPage(pageFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return page
}
