/**
 * The top and the signature of a document as they will print, from what is typed: the
 * issuer name on its one or two centred lines, "***", a sample number, the motto and the
 * place-and-date line, then the authority line with the level ("TM. BAN THƯỜNG VỤ TỈNH
 * ĐOÀN"), the position and the signer. The lines come from shared/domain/issuer.ts, the
 * same functions the Word documents call.
 */
import type { Signer } from '../../../../shared/api/settings'
import type { IsoDate } from '../../../../shared/domain/dates'
import { formatDocumentDate, issuerNameLines, signingAuthorityLine } from '../../../../shared/domain/issuer'

interface Props {
  issuerName: string
  issuerLevelName: string
  placeName: string
  issuerAbbreviation: string
  /** The signing day the sample date line shows (today). */
  today: IsoDate | null
  /** The default signer (or the first active one); null prints the placeholders. */
  signer: Pick<Signer, 'authority' | 'position' | 'fullName'> | null
}

const BLANK = '……………'

export function HeaderPreview({
  issuerName,
  issuerLevelName,
  placeName,
  issuerAbbreviation,
  today,
  signer
}: Props) {
  const lines = issuerNameLines(issuerName)
  const place = placeName.trim() || BLANK
  const abbreviation = issuerAbbreviation.trim().toLocaleUpperCase('vi') || BLANK
  const authority = signingAuthorityLine(signer?.authority ?? 'TM. BAN THƯỜNG VỤ', issuerLevelName)
  return (
    <figure className="doc-sample" aria-label="Xem trước đầu và cuối văn bản">
      <div className="doc-sample-page">
        <div className="doc-sample-header">
          <div className="doc-sample-left" data-testid="preview-issuer">
            {(lines.length > 0 ? lines : [BLANK]).map((line, i) => (
              <div key={i} className="doc-sample-issuer">
                {line.toLocaleUpperCase('vi')}
              </div>
            ))}
            <div>***</div>
          </div>
          <div className="doc-sample-right">
            <div className="doc-sample-motto">ĐOÀN TNCS HỒ CHÍ MINH</div>
          </div>
          <div className="doc-sample-left">Số: 01-BC/{abbreviation}-VP</div>
          <div className="doc-sample-right doc-sample-date" data-testid="preview-date-line">
            {place}, {today ? formatDocumentDate(today) : 'ngày … tháng … năm …'}
          </div>
        </div>
        <div className="doc-sample-title">BÁO CÁO</div>
        <div className="doc-sample-gap" aria-hidden="true">
          …
        </div>
        <div className="doc-sample-signature" data-testid="preview-signature">
          <div className="doc-sample-authority">{authority.toLocaleUpperCase('vi')}</div>
          <div>{(signer?.position ?? 'BÍ THƯ').toLocaleUpperCase('vi')}</div>
          <div className="doc-sample-signer">{signer?.fullName ?? BLANK}</div>
        </div>
      </div>
      <figcaption className="field-hint">
        Xem trước khi in: số "01-BC/{abbreviation}-VP" là ví dụ số của báo cáo đầu tiên trong nhiệm kỳ do Văn
        phòng soạn
        {signer ? '; người ký là người ký mặc định.' : '; chưa có người ký (khai báo ở mục Người ký).'}
      </figcaption>
    </figure>
  )
}
