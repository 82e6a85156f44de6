import { useEffect, useState } from 'react'
import type { Organisation } from '../../shared/api/contract'
import { ErrorAlert } from './components/ErrorAlert'
import { toErrorInfo, type ErrorInfo } from './lib/errors'
import { PAGES, pageHref, useCurrentPage, type PageId } from './lib/router'
import { DocumentsPage } from './pages/DocumentsPage'
import { ImportPage } from './pages/ImportPage'
import { SummaryPage } from './pages/SummaryPage'

function PageView({ page }: { page: PageId }) {
  switch (page) {
    case 'tong-hop-nam':
      return <SummaryPage />
    case 'van-ban':
      return <DocumentsPage />
    case 'nhap-xuat':
      return <ImportPage />
  }
}

export function App() {
  const page = useCurrentPage()
  const [organisation, setOrganisation] = useState<Organisation | null>(null)
  const [orgError, setOrgError] = useState<ErrorInfo | null>(null)

  useEffect(() => {
    window.api['organisation.get']({}).then(setOrganisation, (e: unknown) => setOrgError(toErrorInfo(e)))
  }, [])

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Điều hướng chính">
        <div className="brand">
          <div className="brand-name">Sổ đi cơ sở</div>
          {organisation?.issuerName && <div className="brand-org">{organisation.issuerName}</div>}
        </div>
        <ul className="nav-list">
          {PAGES.map((p) => (
            <li key={p.id}>
              <a
                href={pageHref(p.id)}
                className={p.id === page ? 'nav-link active' : 'nav-link'}
                aria-current={p.id === page ? 'page' : undefined}
              >
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {orgError && <ErrorAlert error={orgError} onClose={() => setOrgError(null)} />}
        <PageView page={page} />
      </main>
    </div>
  )
}
