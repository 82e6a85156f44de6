/**
 * The pages around the entry form: "Thêm chuyến đi" (/chuyen-di/them, the code proposed by
 * the service, a cadre filled in when coming from a cadre's page) and "Sửa chuyến đi"
 * (/chuyen-di/$code/sua). Both survive a reload. Saving goes to the trip's page; "Lưu và
 * thêm tiếp" stays on a fresh form; Esc goes back where the clerk came from.
 */
import { getRouteApi, Link, useNavigate, useRouter } from '@tanstack/react-router'
import type { TripFormInput, TripRecord } from '../../../../shared/api/trips'
import { ErrorAlert } from '../../components/ErrorAlert'
import { callApi, useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import '../../styles/trips.css'
import { blankTrip, TripForm } from './TripForm'

const newRoute = getRouteApi('/chuyen-di/them')
const editRoute = getRouteApi('/chuyen-di/$code/sua')

function useBack(fallback: () => void): () => void {
  const router = useRouter()
  return () => {
    if (router.history.canGoBack()) router.history.back()
    else fallback()
  }
}

export function NewTripPage() {
  const { cadre, from, to, status } = newRoute.useSearch()
  const navigate = useNavigate()
  const choices = useApiQuery('trips.choices', {})
  const next = useApiQuery('trips.nextCode', {}, { gcTime: 0 })
  const create = useApiMutation('trips.create')
  const back = useBack(() => void navigate({ to: '/chuyen-di', search: searchFor('/chuyen-di') as never }))
  const error = choices.error ?? next.error

  return (
    <section className="page trip-form-page">
      <header className="page-header">
        <h1>Thêm chuyến đi</h1>
        <Link to="/chuyen-di" search={searchFor('/chuyen-di') as never} className="trip-back">
          ← Sổ chuyến đi
        </Link>
      </header>
      {error && <ErrorAlert error={toErrorInfo(error)} />}
      {choices.data && next.data && (
        <TripForm
          mode="new"
          initial={{
            ...blankTrip(next.data.code),
            cadreCodes: cadre && choices.data.cadres.some((c) => c.code === cadre) ? [cadre] : [],
            // From the calendar: the days dragged across (an end before the start is ignored).
            ...(from ? { startDate: from, endDate: to && to >= from ? to : from } : {}),
            ...(status ? { status } : {})
          }}
          choices={choices.data}
          referenceYear={Number(choices.data.today.slice(0, 4))}
          busy={create.isPending}
          onSave={async (values, again) => {
            const saved = await create.mutateAsync(values)
            if (!again) await navigate({ to: '/chuyen-di/$code', params: { code: saved.value.code } })
          }}
          nextCode={async () => (await callApi('trips.nextCode', {})).code}
          onCancel={back}
        />
      )}
    </section>
  )
}

function formValuesOf(trip: TripRecord): TripFormInput {
  return {
    code: trip.code,
    startDate: trip.startDate,
    startHalf: trip.startHalf,
    endDate: trip.endDate,
    endHalf: trip.endHalf,
    unitCodes: trip.units.map((u) => u.code),
    kind: trip.kind,
    topic: trip.topic ?? '',
    cadreCodes: trip.cadres.map((c) => c.code),
    status: trip.status,
    travelOrderNo: trip.travelOrderNo ?? '',
    reportDate: trip.reportDate,
    note: trip.note ?? ''
  }
}

export function EditTripPage() {
  const { code } = editRoute.useParams()
  const navigate = useNavigate()
  const choices = useApiQuery('trips.choices', {})
  // Read once for the form: a refresh after saving must not reset what is on screen.
  const trip = useApiQuery('trips.get', { code }, { refetchOnMount: 'always' })
  const update = useApiMutation('trips.update')
  const back = useBack(() => void navigate({ to: '/chuyen-di/$code', params: { code } }))
  const error = choices.error ?? trip.error

  return (
    <section className="page trip-form-page">
      <header className="page-header">
        <h1>Sửa chuyến đi {code}</h1>
        <Link to="/chuyen-di/$code" params={{ code }} className="trip-back">
          ← Về chuyến đi {code}
        </Link>
      </header>
      {error && <ErrorAlert error={toErrorInfo(error)} />}
      {choices.data && trip.data && trip.data.code === code && (
        <TripForm
          key={code}
          mode="edit"
          initial={formValuesOf(trip.data)}
          originalCode={code}
          choices={choices.data}
          referenceYear={Number(trip.data.startDate.slice(0, 4))}
          busy={update.isPending}
          onSave={async (values) => {
            const saved = await update.mutateAsync({ ...values, originalCode: code })
            await navigate({ to: '/chuyen-di/$code', params: { code: saved.value.code }, replace: true })
          }}
          nextCode={async () => code}
          onCancel={back}
        />
      )}
    </section>
  )
}
