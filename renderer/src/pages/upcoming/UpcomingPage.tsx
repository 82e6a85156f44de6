/**
 * A section whose screens come with a later piece of work: it says plainly what it will hold
 * and where to do that today, and pretends nothing.
 */
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'

interface Props {
  title: string
  /** What the page will hold, in the clerk's words. */
  willHold: string[]
  /** Where to do it meanwhile. */
  meanwhile: ReactNode
}

export function UpcomingPage({ title, willHold, meanwhile }: Props) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <div className="empty-state">
        <h2>Trang này chưa dùng được</h2>
        <p>Khi hoàn thành, trang sẽ có:</p>
        <ul>
          {willHold.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{meanwhile}</p>
      </div>
    </section>
  )
}

export function PlanningUpcoming() {
  return (
    <UpcomingPage
      title="Kế hoạch quý"
      willHold={[
        'Các đợt đi cơ sở của từng quý, đăng ký của cán bộ và lịch theo ngày.',
        'Theo dõi đăng ký so với chỉ tiêu, in kế hoạch và danh sách đăng ký.'
      ]}
      meanwhile={
        <>
          Hiện in kế hoạch quý và danh sách đăng ký ở trang <Link to="/van-ban">Văn bản</Link>.
        </>
      }
    />
  )
}

export function HistoryUpcoming() {
  return (
    <UpcomingPage
      title="Lịch sử thay đổi"
      willHold={[
        'Mọi thay đổi dữ liệu (nhập tay, nhập Excel, hoàn tác) với giá trị cũ → mới.',
        'Lọc theo bảng, bản ghi, ngày và nguồn thay đổi; liên kết tới bản ghi.'
      ]}
      meanwhile={<>Mọi thay đổi đã được ghi lại từ bây giờ; trang này sẽ hiển thị chúng.</>}
    />
  )
}

export function ThreeActiveUpcoming() {
  return (
    <UpcomingPage
      title="Đoàn cơ sở 3 chủ động"
      willHold={[
        'Đăng ký của các đoàn cơ sở cho năm sau, cán bộ theo dõi từng đơn vị.',
        'Đánh giá cuối năm theo bộ tiêu chí, quyết định công nhận và báo cáo tổng hợp.'
      ]}
      meanwhile={<>Hiện chưa có nơi khác trong phần mềm để làm việc này.</>}
    />
  )
}

export function BackupsUpcoming() {
  return (
    <UpcomingPage
      title="Sao lưu và khôi phục"
      willHold={[
        'Các bản sao lưu tự động (khi mở phần mềm, trước khi nhập Excel, hằng ngày), đã kiểm tra.',
        'Sao lưu ngay ra thư mục tự chọn (USB) và khôi phục từ một bản sao lưu.'
      ]}
      meanwhile={
        <>
          Hiện có thể xuất toàn bộ dữ liệu ra Excel ở trang <Link to="/nhap-xuat">Nhập / xuất Excel</Link>.
        </>
      }
    />
  )
}
