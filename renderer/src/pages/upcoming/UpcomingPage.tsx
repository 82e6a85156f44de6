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

export function DashboardUpcoming() {
  return (
    <UpcomingPage
      title="Tổng quan"
      willHold={[
        'Biểu đồ tiến độ số ngày đi cơ sở của cơ quan theo tháng, so với chỉ tiêu.',
        'Cơ cấu nội dung (tỉ lệ từng loại) và các cán bộ chậm tiến độ.',
        'Số liệu cho buổi giao ban tuần, tháng.'
      ]}
      meanwhile={
        <>
          Hiện có thể xem số liệu từng cán bộ ở trang <Link to="/tong-hop-nam">Tổng hợp năm</Link>.
        </>
      }
    />
  )
}

export function TripsUpcoming() {
  return (
    <UpcomingPage
      title="Chuyến đi"
      willHold={[
        'Sổ các chuyến đi cơ sở: tìm, lọc theo năm, quý, cán bộ, ban, đơn vị, loại nội dung, trạng thái.',
        'Thêm, sửa, nhân bản chuyến đi bằng bàn phím; cảnh báo trùng ngày, kỳ miễn giảm, quá hạn báo cáo.'
      ]}
      meanwhile={
        <>
          Hiện nhập chuyến đi qua tệp Excel ở trang <Link to="/nhap-xuat">Nhập / xuất Excel</Link>.
        </>
      }
    />
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
