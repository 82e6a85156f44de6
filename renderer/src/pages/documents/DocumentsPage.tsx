/**
 * "Văn bản": choose a document and its data (kept in the address), decide who signs it, the
 * date and the number, rewrite its trích yếu, free-text parts and recipients, see the .docx
 * as Word lays it out (refreshed a moment after each change), then export it: with a number
 * from the register (or the one typed), or as a draft the văn thư numbers by hand. The
 * register is below.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi } from '@tanstack/react-router'
import { keepPreviousData } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { ApiInput, YearListing } from '../../../../shared/api/contract'
import {
  issueOptionsSchema,
  type DocumentCatalogEntry,
  type DocumentPreview,
  type IssuedFile,
  type IssueOptions as Options,
  type TripChoice
} from '../../../../shared/api/documents'
import { quarterOf, yearEnd, type IsoDate } from '../../../../shared/domain/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { saveGeneratedFile } from '../../lib/save'
import { DocxPreview, ZOOM_CHOICES, type Zoom } from './DocxPreview'
import { ExportNotice, type ExportState } from './ExportNotice'
import { IssueOptions } from './IssueOptions'
import { ParametersForm, type DocumentParams } from './ParametersForm'
import { RegisterTable } from './RegisterTable'
import type { DocumentsSearch } from './search'
import { TextSlots } from './TextSlots'
import '../../styles/documents.css'

const routeApi = getRouteApi('/van-ban')

type DocumentRequest = ApiInput<'documents.preview'>

/** Changes settle for this long before a new preview is made (typing in a slot, stepping dates). */
const PREVIEW_DELAY_MS = 400

const OPTION_FIELDS = ['signerId', 'date', 'number'] as const

function defaultAsOf(year: number, listing: YearListing): IsoDate {
  return year === listing.currentYear ? listing.today : yearEnd(year)
}

/** The data a document is made from: what the address says, else the year's defaults. */
function paramsOf(search: DocumentsSearch, listing: YearListing): DocumentParams {
  const year = search.nam ?? listing.currentYear
  const quarter = (search.quy ??
    (year === listing.currentYear ? quarterOf(listing.today) : 1)) as DocumentParams['quarter']
  return {
    year,
    quarter,
    tripCode: search.chuyen ?? '',
    cadreCode: search.canBo ?? '',
    reporterCode: search.baoCao ?? '',
    departmentCode: search.ban ?? '',
    asOf: search.den ?? defaultAsOf(year, listing),
    withChart: search.bieuDo ?? false,
    unitCode: search.donVi ?? ''
  }
}

/** The address for these data: only what differs from the defaults, so a plain link stays plain. */
function searchOf(kind: string, params: DocumentParams, listing: YearListing): DocumentsSearch {
  const defaults = paramsOf({}, listing)
  const sameYear = params.year === defaults.year
  const out: DocumentsSearch = { van: kind }
  if (!sameYear) out.nam = params.year
  const yearDefaults = paramsOf({ nam: params.year }, listing)
  if (params.quarter !== yearDefaults.quarter) out.quy = params.quarter
  if (params.tripCode) out.chuyen = params.tripCode
  if (params.cadreCode) out.canBo = params.cadreCode
  if (params.reporterCode) out.baoCao = params.reporterCode
  if (params.departmentCode) out.ban = params.departmentCode
  if (params.asOf !== yearDefaults.asOf) out.den = params.asOf
  if (params.withChart) out.bieuDo = true
  if (params.unitCode) out.donVi = params.unitCode
  return out
}

/** The request for the chosen document: only the parameters it uses, and only the edited texts. */
function buildRequest(
  entry: DocumentCatalogEntry,
  params: DocumentParams,
  edits: Readonly<Record<string, string>>,
  options: Options
): { request: DocumentRequest; missing: string | null } {
  const p = entry.parameters
  const request: DocumentRequest = { document: entry.kind, year: params.year, texts: { ...edits } }
  if (p.quarter !== 'none') request.quarter = params.quarter
  if (p.trip !== 'none' && params.tripCode) request.tripCode = params.tripCode
  const cadreCode = p.cadreOfTrip ? params.reporterCode : params.cadreCode
  if (p.cadre !== 'none' && cadreCode) request.cadreCode = cadreCode
  if (p.department !== 'none' && params.departmentCode) request.departmentCode = params.departmentCode
  if (p.asOf !== 'none') request.asOf = params.asOf
  if (p.chart && params.withChart) request.withChart = true
  if (p.unit && params.unitCode) request.unitCode = params.unitCode
  if (options.signerId !== undefined) request.signerId = options.signerId
  if (options.date) request.date = options.date
  if (options.number !== undefined) request.number = options.number
  const missing =
    p.trip === 'required' && !request.tripCode
      ? 'Chọn chuyến đi để xem trước văn bản.'
      : p.cadre === 'required' && !request.cadreCode
        ? 'Chọn cán bộ để xem trước văn bản.'
        : p.department === 'required' && !request.departmentCode
          ? 'Chọn ban để xem trước văn bản.'
          : null
  return { request, missing }
}

export function DocumentsPage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const [editsByKind, setEditsByKind] = useState<Record<string, Record<string, string>>>({})
  const [draft, setDraft] = useState(false)
  const [zoom, setZoom] = useState<Zoom>('fit')
  const [exported, setExported] = useState<ExportState | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  // Reads through TanStack Query: every write anywhere (an issued number, its undo, a signer
  // added in Cài đặt) refreshes the register, the choices and the preview.
  const listingQuery = useApiQuery('years.list', {})
  const catalogQuery = useApiQuery('documents.catalog', {})
  const cadresQuery = useApiQuery('cadres.list', {})
  const departmentsQuery = useApiQuery('departments.list', {})
  const signersQuery = useApiQuery('signers.list', {})
  const registerQuery = useApiQuery('documents.register', {})
  const listing: YearListing | null = listingQuery.data ?? null
  const catalog: DocumentCatalogEntry[] | null = catalogQuery.data ?? null
  const loadError =
    listingQuery.error ??
    catalogQuery.error ??
    cadresQuery.error ??
    departmentsQuery.error ??
    signersQuery.error ??
    registerQuery.error

  const optionsForm = useForm<Options>({
    resolver: zodResolver(issueOptionsSchema),
    mode: 'onChange',
    defaultValues: { signerId: undefined, date: null, number: undefined }
  })
  const watchedOptions = useWatch({ control: optionsForm.control }) as Options
  // Only options the schema accepts reach the preview; a number being typed wrong waits.
  const options: Options = optionsForm.formState.isValid
    ? watchedOptions
    : { signerId: undefined, date: null, number: undefined }

  const fail = useCallback((e: unknown) => setError(toErrorInfo(e)), [])

  const kind = catalog?.some((c) => c.kind === search.van) ? (search.van ?? '') : (catalog?.[0]?.kind ?? '')
  const entry = catalog?.find((c) => c.kind === kind) ?? null
  const params = listing ? paramsOf(search, listing) : null
  const edits = useMemo(() => editsByKind[kind] ?? {}, [editsByKind, kind])

  // Trips offered: the year's (or the quarter's), of the kind the document needs.
  const tripFilter: ApiInput<'trips.list'> | null =
    entry && params && entry.parameters.trip !== 'none'
      ? {
          year: params.year,
          ...(entry.parameters.quarter !== 'none' ? { quarter: params.quarter } : {}),
          ...(entry.parameters.tripKind ? { kind: entry.parameters.tripKind } : {})
        }
      : null
  const tripsQuery = useApiQuery('trips.list', tripFilter ?? { year: params?.year ?? 2000 }, {
    enabled: tripFilter !== null
  })
  const trips: TripChoice[] | null = tripsQuery.data ?? null
  // 3 chủ động papers: the year's registered units to choose one from.
  const threeActiveQuery = useApiQuery(
    'threeActive.year',
    { year: params?.year ?? 2000 },
    { enabled: Boolean(entry?.parameters.unit && params) }
  )
  const registeredUnits = threeActiveQuery.data?.registrations.map((r) => r.unit) ?? null

  const built = entry && params ? buildRequest(entry, params, edits, options) : null
  const previewRequest = built && !built.missing ? { ...built.request, draft } : null
  const requestKey = previewRequest ? JSON.stringify(previewRequest) : ''
  // Changes settle for a moment before a new preview is made (typing in a slot, stepping dates).
  const settledKey = useSettled(requestKey, PREVIEW_DELAY_MS)
  const previewQuery = useApiQuery(
    'documents.preview',
    settledKey ? (JSON.parse(settledKey) as DocumentRequest) : ({} as DocumentRequest),
    { enabled: settledKey !== '', placeholderData: keepPreviousData, retry: false }
  )
  const previewError = previewQuery.error
  useEffect(() => {
    // A refusal about a field (a stopped signer, a number already given) goes under it.
    if (previewError) applyServerErrors(previewError, optionsForm.setError, OPTION_FIELDS)
  }, [previewError, optionsForm.setError])
  const previewErrorInfo = previewError ? toErrorInfo(previewError) : null

  const issue = useApiMutation('documents.issue')

  const onRenderError = useCallback(
    (message: string) => setError({ message: 'Không hiển thị được bản xem trước.', details: [message] }),
    []
  )

  function go(nextKind: string, nextParams: DocumentParams) {
    if (!listing) return
    void navigate({ search: searchOf(nextKind, nextParams, listing), replace: true })
  }

  function changeParams(change: Partial<DocumentParams>) {
    if (!params || !listing) return
    if (change.year !== undefined && change.year !== params.year) {
      // Another year: its own quarter, day and trips.
      go(kind, {
        ...paramsOf({ nam: change.year }, listing),
        cadreCode: params.cadreCode,
        departmentCode: params.departmentCode
      })
      return
    }
    go(kind, { ...params, ...change })
  }

  function editText(key: string, text: string | null) {
    setEditsByKind((all) => {
      const mine = { ...(all[kind] ?? {}) }
      if (text === null) delete mine[key]
      else mine[key] = text
      return { ...all, [kind]: mine }
    })
  }

  async function save(file: IssuedFile) {
    setExported({ file, outcome: null })
    try {
      const outcome = await saveGeneratedFile(file)
      setExported({ file, outcome })
    } catch (e) {
      setExported({ file, outcome: { kind: 'cancelled' } })
      fail(e)
    }
  }

  async function onExport() {
    if (!built || built.missing) return
    if (!(await optionsForm.trigger())) return
    setError(null)
    setExported(null)
    try {
      // The register and the preview refresh by themselves; a number taken by mistake can be
      // given back with "Hoàn tác" (the undo bar) as long as nothing else used it since.
      const file = await issue.mutateAsync({ ...built.request, draft })
      if (file.issued) {
        // A number taken by hand is used once: the next export takes the register's next number.
        optionsForm.setValue('number', undefined, { shouldValidate: true })
        const input = document.getElementById('doc-number') as HTMLInputElement | null
        if (input) input.value = ''
      }
      await save(file)
    } catch (e) {
      const rest = applyServerErrors(e, optionsForm.setError, OPTION_FIELDS)
      if (rest) setError(rest)
    }
  }

  const exporting = issue.isPending
  const upToDate =
    previewQuery.data !== undefined &&
    settledKey === requestKey &&
    !previewQuery.isPlaceholderData &&
    !previewQuery.isFetching
  const failedNow = previewErrorInfo !== null && settledKey === requestKey && !previewQuery.isFetching
  const previewData: DocumentPreview | null = previewQuery.data ?? null
  const shownPreview = previewData && previewRequestKind(settledKey) === kind ? previewData : null

  return (
    <section className="page documents-page">
      <header className="page-header">
        <h1>Văn bản</h1>
        <p className="page-lead">
          Chọn văn bản và số liệu, người ký, ngày ký và số; sửa trích yếu, nội dung và nơi nhận nếu cần; xem
          trước đúng như bản in rồi xuất tệp Word.
        </p>
      </header>

      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {loadError && <ErrorAlert error={toErrorInfo(loadError)} />}

      <div className="doc-workspace">
        <aside className="doc-form" aria-label="Soạn văn bản">
          <div className="doc-form-scroll">
            <fieldset className="form-section">
              <legend>Văn bản</legend>
              <div className="field">
                <label htmlFor="doc-kind">Mẫu văn bản</label>
                <select
                  id="doc-kind"
                  className="input"
                  value={kind}
                  disabled={!catalog}
                  onChange={(e) => {
                    if (params) go(e.target.value, params)
                    setExported(null)
                  }}
                >
                  {catalog && <CatalogOptions catalog={catalog} />}
                </select>
              </div>
            </fieldset>
            {entry && params && listing && (
              <>
                <ParametersForm
                  entry={entry}
                  params={params}
                  years={documentYears(listing)}
                  trips={trips}
                  cadres={cadresQuery.data ?? null}
                  departments={departmentsQuery.data ?? null}
                  units={registeredUnits}
                  onChange={changeParams}
                />
                <IssueOptions
                  form={optionsForm}
                  signers={signersQuery.data ?? null}
                  numbering={shownPreview?.numbering ?? null}
                  draft={draft}
                  referenceYear={Number(listing.today.slice(0, 4))}
                />
                <TextSlots
                  entry={entry}
                  defaults={shownPreview?.texts ?? null}
                  edits={edits}
                  onEdit={editText}
                />
              </>
            )}
          </div>
          <div className="doc-form-footer">
            <label className="checkbox">
              <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} />
              Bản nháp (để trống số và ngày cho văn thư)
            </label>
            <button
              type="button"
              className="btn btn-primary"
              onClick={onExport}
              disabled={
                !built ||
                built.missing !== null ||
                exporting ||
                (exported !== null && exported.outcome === null)
              }
            >
              {exporting ? 'Đang xuất…' : 'Xuất tệp Word…'}
            </button>
            {exported && (
              <ExportNotice state={exported} onSaveAgain={() => save(exported.file)} onError={fail} />
            )}
          </div>
        </aside>

        <section className="doc-preview-pane" aria-label="Xem trước">
          <div className="doc-preview-toolbar">
            <h2>Xem trước</h2>
            <span className="doc-file-name">{shownPreview?.fileName ?? ''}</span>
            <span className="loading doc-preview-state" role="status">
              {built?.missing ??
                (failedNow ? '' : upToDate ? previewState(shownPreview, draft, options) : 'Đang cập nhật…')}
            </span>
            <label className="zoom-field">
              Thu phóng{' '}
              <select
                className="input"
                value={String(zoom)}
                onChange={(e) => setZoom(e.target.value === 'fit' ? 'fit' : (Number(e.target.value) as Zoom))}
              >
                {ZOOM_CHOICES.map((z) => (
                  <option key={String(z.value)} value={String(z.value)}>
                    {z.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {failedNow && previewErrorInfo && <ErrorAlert error={previewErrorInfo} />}
          {shownPreview && shownPreview.notes.length > 0 && (
            <details className="doc-notes">
              <summary>Lưu ý khi lập văn bản ({shownPreview.notes.length})</summary>
              <ul>
                {shownPreview.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          <DocxPreview
            contentBase64={shownPreview?.contentBase64 ?? null}
            zoom={zoom}
            stale={!upToDate}
            placeholder={
              built?.missing ??
              (failedNow ? 'Không lập được văn bản với các thông số này.' : 'Đang lập văn bản…')
            }
            onRenderError={onRenderError}
          />
        </section>
      </div>

      <RegisterTable documents={registerQuery.data ?? null} />
    </section>
  )
}

/** What the preview shows about the number: blank until exported, the typed one, or none at all. */
function previewState(preview: DocumentPreview | null, draft: boolean, options: Options): string {
  if (!preview) return ''
  if (!preview.numbering.numbered) return 'Xem trước: văn bản ghi ngày, không lấy số'
  if (draft) return 'Bản nháp, để trống số'
  if (options.number !== undefined) return 'Xem trước với số đã nhập'
  return 'Xem trước: số cấp khi xuất'
}

/** The documents grouped as the catalog says (Cả năm, Theo quý, Theo chuyến đi), in catalog order. */
function CatalogOptions({ catalog }: { catalog: DocumentCatalogEntry[] }) {
  const groups: Array<{ name: string; entries: DocumentCatalogEntry[] }> = []
  for (const entry of catalog) {
    const group = groups.find((g) => g.name === entry.group)
    if (group) group.entries.push(entry)
    else groups.push({ name: entry.group, entries: [entry] })
  }
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.name} label={g.name}>
          {g.entries.map((e) => (
            <option key={e.kind} value={e.kind}>
              {e.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  )
}

/** The document kind a preview request is for ('' when none was asked yet). */
function previewRequestKind(key: string): string {
  return key ? (JSON.parse(key) as DocumentRequest).document : ''
}

/** The value once it has stayed the same for `delay` ms: previews wait for typing to settle. */
function useSettled(value: string, delay: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (value === settled) return
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, settled, delay])
  return settled
}

/**
 * The years a document may be made for: those with data, and next year too (the Q1 plan and
 * registrations are written in November; 3 chủ động registrations are for the year after).
 */
function documentYears(listing: YearListing): number[] {
  const next = listing.currentYear + 1
  return listing.years.includes(next) ? listing.years : [next, ...listing.years]
}
