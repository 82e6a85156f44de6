/**
 * A cadre's trips of a year: the logbook's own table, filtered to the cadre, with its totals
 * (trips, days credited, overdue reports) and a link to the same list in the logbook, where
 * more filters apply. Self-contained: give it a cadre code and a year (the cadre's page and
 * the trip's page use it).
 */
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import type { TripFilters, TripSortKey } from '../../../../shared/api/trips'
import '../../styles/trips.css'
import { TripsTable } from './TripsTable'

interface Props {
  cadreCode: string
  year: number
  /** Heading of the section. */
  title?: string
  /** Columns to leave out (the cadre's own page may drop "Cán bộ tham gia"). */
  hide?: readonly string[]
}

export function CadreTrips({ cadreCode, year, title, hide }: Props) {
  const [sort, setSort] = useState<{ sort?: TripSortKey; desc?: boolean }>({})
  const filters: TripFilters = { year, cadreCodes: [cadreCode], ...sort }
  const onSort = (key: TripSortKey) => {
    const currentKey = sort.sort ?? 'startDate'
    const currentDesc = sort.desc ?? sort.sort === undefined
    setSort({ sort: key, desc: key === currentKey ? !currentDesc : key === 'startDate' })
  }
  return (
    <section className="cadre-trips" data-testid={`cadre-trips-${cadreCode}`}>
      <div className="cadre-trips-head">
        <h2>{title ?? `Chuyến đi năm ${year}`}</h2>
        <span className="cadre-trips-links">
          <Link to="/chuyen-di" search={{ year, cadre: [cadreCode] }}>
            Mở trong sổ chuyến đi
          </Link>
          <Link to="/chuyen-di" search={{ year, cadre: [cadreCode], overdue: true }}>
            Chuyến quá hạn báo cáo
          </Link>
          <Link to="/chuyen-di/them" search={{ cadre: cadreCode }}>
            + Thêm chuyến đi cho cán bộ này
          </Link>
        </span>
      </div>
      <TripsTable
        filters={filters}
        onSort={onSort}
        hide={hide}
        label={`Chuyến đi năm ${year} của cán bộ ${cadreCode}`}
        empty={<p className="empty-state">Năm {year} cán bộ này chưa có chuyến đi nào.</p>}
      />
    </section>
  )
}
