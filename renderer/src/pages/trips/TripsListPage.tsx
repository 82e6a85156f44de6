/**
 * "Chuyến đi": the logbook. Filters in the address, the virtualized table with the totals of
 * the filter, export of the filtered list, and quick actions on the selected trips (status,
 * duplicate, delete; each undoable from the bar at the bottom).
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import { useCallback, useMemo, useState } from 'react'
import type { TripSortKey } from '../../../../shared/api/trips'
import { formatNumberVi } from '../../../../shared/domain/format'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { callApi, useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { canOpenSavedFiles, openSavedFile, saveGeneratedFile } from '../../lib/save'
import '../../styles/trips.css'
import { DuplicateDialog } from './DuplicateDialog'
import { StatusDialog } from './StatusDialog'
import { TripFilters } from './TripFilters'
import { TripsTable, type TripSelection } from './TripsTable'
import { toFilters, type TripListSearch } from './search'

const route = getRouteApi('/chuyen-di')

/** "Chọn tất cả" fetches the codes of the filter; beyond this, actions go in smaller batches. */
const SELECT_ALL_LIMIT = 5000

type Dialog = 'status' | 'duplicate' | 'delete' | null

export function TripsListPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const choices = useApiQuery('trips.choices', {})
  const currentYear = choices.data ? Number(choices.data.today.slice(0, 4)) : null
  // The filters do not wait for the date: 'current' is the service's own year.
  const filters = useMemo(() => toFilters(search), [search])

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [selectedFor, setSelectedFor] = useState<string>('')
  const filterKey = JSON.stringify(filters)
  // A new filter shows other trips: a selection made under the old one would act unseen.
  if (selectedFor !== filterKey) {
    setSelectedFor(filterKey)
    if (selected.size > 0) setSelected(new Set())
  }
  const [dialog, setDialog] = useState<Dialog>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [saved, setSaved] = useState<{ path: string | null; fileName: string } | null>(null)
  const [exporting, setExporting] = useState(false)
  const remove = useApiMutation('trips.delete')

  const change = useCallback(
    (patch: Partial<TripListSearch>) => {
      void navigate({ search: (prev: TripListSearch) => ({ ...prev, ...patch }), replace: true })
    },
    [navigate]
  )

  const onSort = (key: TripSortKey) => {
    const currentKey = search.sort ?? 'startDate'
    const currentDesc = search.desc ?? search.sort === undefined
    // First click sorts ascending (dates: newest first, the default), a second click reverses.
    const desc = key === currentKey ? !currentDesc : key === 'startDate'
    change({
      sort: key === 'startDate' && desc ? undefined : key,
      desc: key === 'startDate' && desc ? undefined : desc
    })
  }

  const selection: TripSelection = {
    selected,
    toggle(code, on) {
      const next = new Set(selected)
      if (on) next.add(code)
      else next.delete(code)
      setSelected(next)
    },
    toggleAll(on, total) {
      if (!on) return setSelected(new Set())
      if (total > SELECT_ALL_LIMIT) {
        setError({
          message: `Bộ lọc có ${formatNumberVi(total)} chuyến đi: mỗi lần chỉ chọn được tối đa ${formatNumberVi(SELECT_ALL_LIMIT)}. Hãy lọc hẹp hơn.`,
          details: []
        })
        return
      }
      void (async () => {
        const codes: string[] = []
        for (let offset = 0; offset < total; offset += 1000) {
          const page = await callApi('trips.search', { ...filters, offset, limit: 1000 })
          codes.push(...page.rows.map((r) => r.code))
        }
        setSelected(new Set(codes))
      })().catch((e: unknown) => setError(toErrorInfo(e)))
    }
  }

  const exportList = async () => {
    setExporting(true)
    setError(null)
    setSaved(null)
    try {
      const file = await callApi('trips.exportList', filters)
      const outcome = await saveGeneratedFile(file)
      if (outcome.kind === 'saved') setSaved({ path: outcome.path, fileName: file.fileName })
      else if (outcome.kind === 'downloaded') setSaved({ path: null, fileName: file.fileName })
    } catch (e) {
      setError(toErrorInfo(e))
    } finally {
      setExporting(false)
    }
  }

  const codes = [...selected]
  const noTripsYet = choices.data !== undefined && Object.keys(search).length === 0

  return (
    <section className="page trips-page">
      <header className="page-header">
        <h1>Chuyến đi</h1>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void exportList()} disabled={exporting}>
            {exporting ? 'Đang xuất…' : 'Xuất Excel'}
          </button>
          <Link to="/chuyen-di/them" className="btn btn-primary btn-link">
            + Thêm chuyến đi
          </Link>
        </div>
      </header>

      {choices.error && <ErrorAlert error={toErrorInfo(choices.error)} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {saved && (
        <div className="alert alert-success trip-saved-file" role="status">
          <div className="alert-body">
            {saved.path ? `Đã lưu danh sách vào tệp ${saved.path}` : `Đã tải xuống tệp ${saved.fileName}`}
          </div>
          {saved.path && canOpenSavedFiles() && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void openSavedFile(saved.path!).catch((e: unknown) => setError(toErrorInfo(e)))}
            >
              Mở tệp
            </button>
          )}
          <button
            type="button"
            className="alert-close"
            aria-label="Đóng thông báo"
            onClick={() => setSaved(null)}
          >
            ×
          </button>
        </div>
      )}

      <TripFilters
        search={search}
        choices={choices.data}
        currentYear={currentYear}
        onChange={change}
        onClear={() => void navigate({ search: {}, replace: true })}
      />

      <div className="trip-selection-bar" aria-live="polite">
        {selected.size === 0 ? (
          <span className="muted">
            Chọn chuyến đi bằng ô vuông đầu dòng để đổi trạng thái, nhân bản hoặc xóa nhiều chuyến cùng lúc.
          </span>
        ) : (
          <>
            <b>Đã chọn {formatNumberVi(selected.size)} chuyến đi</b>
            <button type="button" className="btn btn-small" onClick={() => setDialog('status')}>
              Đổi trạng thái…
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setDialog('duplicate')}
              disabled={selected.size !== 1}
              title={selected.size !== 1 ? 'Nhân bản từng chuyến một: chỉ chọn một chuyến' : undefined}
            >
              Nhân bản…
            </button>
            <button type="button" className="btn btn-small btn-danger" onClick={() => setDialog('delete')}>
              Xóa…
            </button>
            <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>
              Bỏ chọn
            </button>
          </>
        )}
      </div>

      {
        <TripsTable
          filters={filters}
          onSort={onSort}
          selection={selection}
          label="Danh sách chuyến đi"
          empty={
            noTripsYet ? (
              <div className="empty-state">
                <h2>Chưa có chuyến đi nào trong năm {currentYear}</h2>
                <p>Có hai cách đưa chuyến đi vào sổ:</p>
                <ol>
                  <li>
                    Bấm <Link to="/chuyen-di/them">Thêm chuyến đi</Link> và nhập từ công lệnh, báo cáo của cán
                    bộ hoặc giấy mời sinh hoạt chi đoàn (chỉ cần bàn phím).
                  </li>
                  <li>
                    Hoặc điền trang "Chuyến đi" của mẫu Excel và nhập ở trang{' '}
                    <Link to="/nhap-xuat">Nhập / xuất Excel</Link>.
                  </li>
                </ol>
                <p>
                  Chuyến đi của năm khác: chọn <b>Năm</b> ở bộ lọc.
                </p>
              </div>
            ) : (
              <div className="empty-state">
                <h2>Không có chuyến đi nào khớp bộ lọc</h2>
                <p>Hãy bỏ bớt điều kiện lọc, hoặc chọn năm khác.</p>
                <button
                  type="button"
                  className="btn"
                  onClick={() => void navigate({ search: {}, replace: true })}
                >
                  Xóa bộ lọc
                </button>
              </div>
            )
          }
        />
      }

      <StatusDialog
        open={dialog === 'status'}
        codes={codes}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null)
          setSelected(new Set())
        }}
      />
      {dialog === 'duplicate' && codes.length === 1 && (
        <DuplicateDialog
          code={codes[0]!}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null)
            setSelected(new Set())
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Xóa ${formatNumberVi(selected.size)} chuyến đi?`}
        confirmLabel="Xóa"
        danger
        busy={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          remove.mutate(
            { codes },
            {
              onSuccess: () => {
                setDialog(null)
                setSelected(new Set())
              },
              onError: (e) => {
                setDialog(null)
                setError(toErrorInfo(e))
              }
            }
          )
        }
      >
        <p>
          {codes.length <= 8
            ? `Các chuyến ${codes.join(', ')}`
            : `${formatNumberVi(codes.length)} chuyến đã chọn`}{' '}
          sẽ bị xóa khỏi sổ, cùng danh sách cán bộ và đơn vị của chúng. Số ngày của cán bộ được tính lại.
        </p>
        <p className="muted">Có thể hoàn tác ngay sau khi xóa (nút "Hoàn tác" hoặc Ctrl+Z).</p>
      </ConfirmDialog>
    </section>
  )
}
