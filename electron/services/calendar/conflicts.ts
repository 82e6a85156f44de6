/**
 * Conflicts drawn on the calendar: the trips domain's own live check (electron/services/trips/check.ts)
 * run for one cadre's row at a time, so a bar only shows what concerns the cadre of its row
 * (another participant's overlap belongs on that participant's row). Only the warnings about
 * where and when the cadre can be are kept; report deadlines and statuses are the logbook's.
 */
import type { TripWarningKind } from '../../../shared/api/trips'
import type { HalfDay, TripStatus, ContentKind } from '../../../shared/domain/kinds'
import type { ServiceContext } from '../context'
import { checkTrip } from '../trips/check'

const CALENDAR_CONFLICTS: ReadonlySet<TripWarningKind> = new Set([
  'overlap',
  'exemption',
  'unit-validity',
  'outside-service'
])

export interface ConflictSubject {
  /** The saved trip (it does not overlap itself); absent for a registration. */
  tripCode?: string
  cadreCode: string
  startDate: string
  startHalf: HalfDay
  endDate: string
  endHalf: HalfDay
  kind: ContentKind
  status: TripStatus
  unitCodes: string[]
}

export function conflictsOf(ctx: ServiceContext, subject: ConflictSubject): string[] {
  const check = checkTrip(ctx, {
    originalCode: subject.tripCode,
    code: subject.tripCode,
    startDate: subject.startDate,
    startHalf: subject.startHalf,
    endDate: subject.endDate,
    endHalf: subject.endHalf,
    kind: subject.kind,
    status: subject.status,
    cadreCodes: [subject.cadreCode],
    unitCodes: subject.unitCodes
  })
  return check.warnings.filter((w) => CALENDAR_CONFLICTS.has(w.kind)).map((w) => w.message)
}
