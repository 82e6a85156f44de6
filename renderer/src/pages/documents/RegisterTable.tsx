import type { IssuedDocumentInfo } from '../../../../shared/api/documents'
import { formatDateVi } from '../../../../shared/domain/dates'

/** The register of issued documents (sổ đăng ký văn bản đi), newest first. */
export function RegisterTable({ documents }: { documents: IssuedDocumentInfo[] | null }) {
  return (
    <section className="panel register-panel" aria-labelledby="register-title">
      <h2 id="register-title">Sổ đăng ký văn bản đi</h2>
      {documents === null && <p className="loading">Đang tải…</p>}
      {documents?.length === 0 && (
        <p className="muted">
          Chưa có văn bản nào được cấp số. Văn bản xuất không phải bản nháp sẽ được ghi vào đây.
        </p>
      )}
      {documents && documents.length > 0 && (
        <div className="table-wrap register-wrap">
          <table className="data-table register-table" data-testid="register-table">
            <colgroup>
              <col style={{ width: 150 }} />
              <col />
              <col style={{ width: 96 }} />
              <col style={{ width: 96 }} />
            </colgroup>
            <thead>
              <tr>
                <th>Số, ký hiệu</th>
                <th>Trích yếu</th>
                <th>Ngày</th>
                <th>Nhiệm kỳ</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td className="register-symbol">{d.symbol}</td>
                  <td>{d.title}</td>
                  <td>{formatDateVi(d.issuedDate)}</td>
                  <td>{d.congressTerm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
