/** The trips logbook's handlers, keyed by API method (shared/api/trips.ts). */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ServiceContext } from '../context'
import { checkTrip } from './check'
import { tripChoices } from './choices'
import { nextTripCode } from './codes'
import { exportTripList } from './export'
import { getTrip } from './record'
import { searchTrips } from './search'
import { cadreYearStrip } from './strip'
import { createTrip, deleteTrips, duplicateTrip, setTripStatus, updateTrip } from './write'

type TripMethod = Extract<keyof ApiHandlers, `trips.${string}`>

export function tripHandlers(ctx: ServiceContext): Pick<ApiHandlers, Exclude<TripMethod, 'trips.list'>> {
  return {
    'trips.search': (input) => searchTrips(ctx, input),
    'trips.get': ({ code }) => getTrip(ctx, code),
    'trips.choices': () => tripChoices(ctx),
    'trips.nextCode': () => nextTripCode(ctx),
    'trips.check': (draft) => checkTrip(ctx, draft),
    'trips.create': (values) => createTrip(ctx, values),
    'trips.update': (input) => updateTrip(ctx, input),
    'trips.duplicate': (input) => duplicateTrip(ctx, input),
    'trips.setStatus': (input) => setTripStatus(ctx, input),
    'trips.delete': (input) => deleteTrips(ctx, input),
    'trips.exportList': (filters) => exportTripList(ctx, filters),
    'trips.cadreYear': ({ cadreCode, year }) => cadreYearStrip(ctx, cadreCode, year)
  }
}
