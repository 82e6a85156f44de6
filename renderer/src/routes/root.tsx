/**
 * The window's frame: the navigation on the left, the page, and the undo bar. The window
 * itself scrolls (not an inner box), so the router restores each page's own scroll position.
 */
import { createRootRoute, Link, Outlet, useRouterState } from '@tanstack/react-router'
import { useEffect } from 'react'
import { ErrorAlert } from '../components/ErrorAlert'
import { useApiQuery } from '../lib/api'
import { toErrorInfo } from '../lib/errors'
import { NAV_ITEMS, rememberSearch, searchFor, sectionOf } from '../lib/nav'
import { UndoBar } from '../lib/undo'

function Frame() {
  const location = useRouterState({ select: (s) => s.location })
  const organisation = useApiQuery('organisation.get', {})
  const section = sectionOf(location.pathname)

  useEffect(() => {
    rememberSearch(location.pathname, location.search as Record<string, unknown>)
  }, [location.pathname, location.search])

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Điều hướng chính">
        <div className="brand">
          <div className="brand-name">Sổ đi cơ sở</div>
          {organisation.data?.issuerName && (
            <div className="brand-org">{organisation.data.issuerName.replace(/\n/g, ' ')}</div>
          )}
        </div>
        <ul className="nav-list">
          {NAV_ITEMS.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                search={searchFor(item.to) as never}
                className={item.to === section ? 'nav-link active' : 'nav-link'}
                aria-current={item.to === section ? 'page' : undefined}
                activeOptions={{ includeSearch: false }}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {organisation.error && <ErrorAlert error={toErrorInfo(organisation.error)} />}
        <Outlet />
      </main>
      <UndoBar />
    </div>
  )
}

function NotFound() {
  return (
    <section className="page">
      <header className="page-header">
        <h1>Không có trang này</h1>
      </header>
      <p>
        Địa chỉ này không dẫn tới trang nào của phần mềm. <Link to="/tong-hop-nam">Về Tổng hợp năm</Link>
      </p>
    </section>
  )
}

export const rootRoute = createRootRoute({ component: Frame, notFoundComponent: NotFound })
