/** Kế hoạch quý: rounds (đợt) per quarter, registrations, oversight (phụ trách), coverage and the planning assistant. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { planningContract } from '../../../shared/api/planning'
import { defaultPlanningQuarter } from '../../../shared/domain/planning'
import type { ServiceContext } from '../context'
import { accept, propose } from './assistant'
import {
  coverage,
  deleteAssignment,
  deleteCluster,
  oversightView,
  saveAssignment,
  saveCluster
} from './oversight'
import { quarterPlan } from './quarter'
import { registrationViews, requireRegistration } from './read'
import {
  createRegistration,
  deleteRegistration,
  setRegistrationStatus,
  updateRegistration
} from './registrations'
import { deleteRound, saveRound } from './rounds'

export function planningHandlers(ctx: ServiceContext): Pick<ApiHandlers, keyof typeof planningContract> {
  return {
    'planning.quarter': ({ year, quarter }) => {
      const planned = defaultPlanningQuarter(ctx.clock.today())
      return quarterPlan(ctx, year ?? planned.year, quarter ?? (year === undefined ? planned.quarter : 1))
    },
    'planning.saveRound': (values) => saveRound(ctx, values),
    'planning.deleteRound': (input) => deleteRound(ctx, input),
    'planning.registration': ({ code }) => registrationViews(ctx.db, [requireRegistration(ctx.db, code)])[0]!,
    'planning.createRegistration': (values) => createRegistration(ctx, values),
    'planning.updateRegistration': (input) => updateRegistration(ctx, input),
    'planning.deleteRegistration': ({ code }) => deleteRegistration(ctx, code),
    'planning.setRegistrationStatus': (input) => setRegistrationStatus(ctx, input),
    'planning.oversight': () => oversightView(ctx),
    'planning.saveCluster': (input) => saveCluster(ctx, input),
    'planning.deleteCluster': ({ code }) => deleteCluster(ctx, code),
    'planning.saveAssignment': (input) => saveAssignment(ctx, input),
    'planning.deleteAssignment': ({ id }) => deleteAssignment(ctx, id),
    'planning.coverage': ({ year, quarter }) => coverage(ctx, year, quarter),
    'planning.propose': (input) => propose(ctx, input),
    'planning.accept': (input) => accept(ctx, input)
  }
}
