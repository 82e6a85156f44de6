/** What an address with a cadre code that does not exist shows (a typo, an undone "Thêm"). */
import { Link } from '@tanstack/react-router'
import { searchFor } from '../../lib/nav'

export function UnknownCadre({ code }: { code: string }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>Không có cán bộ mã {code}</h1>
      </header>
      <div className="empty-state">
        <p>
          Trong dữ liệu không có cán bộ nào mang mã <b>{code}</b>. Có thể mã bị gõ sai, hoặc việc thêm cán bộ
          này vừa được hoàn tác.
        </p>
        <Link to="/can-bo" search={searchFor('/can-bo') as never}>
          ← Về danh sách cán bộ
        </Link>
      </div>
    </section>
  )
}
