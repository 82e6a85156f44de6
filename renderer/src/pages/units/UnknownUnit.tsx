/** What an address with a unit code that does not exist shows (a typo, an undone "Thêm"). */
import { Link } from '@tanstack/react-router'
import { searchFor } from '../../lib/nav'

export function UnknownUnit({ code }: { code: string }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>Không có đơn vị mã {code}</h1>
      </header>
      <div className="empty-state">
        <p>
          Trong dữ liệu không có đơn vị nào mang mã <b>{code}</b>. Có thể mã bị gõ sai, mã đã được sửa, hoặc
          việc thêm đơn vị này vừa được hoàn tác.
        </p>
        <Link to="/don-vi" search={searchFor('/don-vi') as never}>
          ← Về cây đơn vị
        </Link>
      </div>
    </section>
  )
}
