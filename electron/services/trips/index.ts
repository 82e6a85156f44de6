/** The trips logbook's handlers, keyed by API method (shared/api/trips.ts). */
import type { ApiHandlers } from '../../../shared/api/contract'
import { yearOf } from '../../../shared/domain/dates'
import type { ServiceContext } from '../context'
import { checkTrip } from './check'
import { tripChoices } from './choices'
import { nextTripCode } from './codes'
import { exportTripList } from './export'
import { getTrip } from './record'
import { searchTrips, tripTotals } from './search'
import { cadreYearStrip } from './strip'
import { createTrip, deleteTrips, duplicateTrip, setTripStatus, updateTrip } from './write'

type TripMethod = Extract<keyof ApiHandlers, `trips.${string}`>

/** 'current' is the year of the service's today (the clerk's calendar day). */
function withYear<F extends { year?: number | 'current' | undefined }>(
  ctx: ServiceContext,
  filters: F
): Omit<F, 'year'> & { year?: number } {
  const { year, ...rest } = filters
  if (year === undefined) return rest
  return { ...rest, year: year === 'current' ? yearOf(ctx.clock.today()) : year }
}

export function tripHandlers(ctx: ServiceContext): Pick<ApiHandlers, Exclude<TripMethod, 'trips.list'>> {
  return {
    'trips.search': (input) => searchTrips(ctx, withYear(ctx, input)),
    'trips.totals': (filters) => tripTotals(ctx, withYear(ctx, filters)),
    'trips.get': ({ code }) => getTrip(ctx, code),
    'trips.choices': () => tripChoices(ctx),
    'trips.nextCode': () => nextTripCode(ctx),
    'trips.check': (draft) => checkTrip(ctx, draft),
    'trips.create': (values) => createTrip(ctx, values),
    'trips.update': (input) => updateTrip(ctx, input),
    'trips.duplicate': (input) => duplicateTrip(ctx, input),
    'trips.setStatus': (input) => setTripStatus(ctx, input),
    'trips.delete': (input) => deleteTrips(ctx, input),
    'trips.exportList': (filters) => exportTripList(ctx, withYear(ctx, filters)),
    'trips.cadreYear': ({ cadreCode, year }) => cadreYearStrip(ctx, cadreCode, year)
  }
}
