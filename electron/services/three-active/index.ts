/** Đoàn cơ sở "3 chủ động": criteria per programme period, registrations, follow-up, evaluation, recognition. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { threeActiveContract } from '../../../shared/api/three-active'
import type { ServiceContext } from '../context'
import { importThreeActive } from './import'
import { readDetail, readPlanFile, readYear } from './read'
import {
  assignFollower,
  commend,
  decide,
  evaluate,
  register,
  removeCommendation,
  saveCriteria,
  saveSettings,
  unregister,
  withdrawDecision
} from './write'

export function threeActiveHandlers(
  ctx: ServiceContext
): Pick<ApiHandlers, keyof typeof threeActiveContract> {
  return {
    'threeActive.year': ({ year }) => readYear(ctx, year),
    'threeActive.get': ({ year, unitCode }) => readDetail(ctx, year, unitCode),
    'threeActive.planFile': ({ year, unitCode }) => readPlanFile(ctx, year, unitCode),
    'threeActive.register': (input) => register(ctx, input),
    'threeActive.unregister': ({ year, unitCode }) => unregister(ctx, year, unitCode),
    'threeActive.assignFollower': (input) => assignFollower(ctx, input),
    'threeActive.evaluate': (input) => evaluate(ctx, input),
    'threeActive.saveSettings': (input) => saveSettings(ctx, input),
    'threeActive.saveCriteria': (input) => saveCriteria(ctx, input),
    'threeActive.decide': (input) => decide(ctx, input),
    'threeActive.withdrawDecision': ({ year }) => withdrawDecision(ctx, year),
    'threeActive.commend': (input) => commend(ctx, input),
    'threeActive.removeCommendation': (input) => removeCommendation(ctx, input),
    'threeActive.importWorkbook': ({ fileName, contentBase64, commit }) =>
      importThreeActive(ctx, Buffer.from(contentBase64, 'base64'), fileName, commit)
  }
}
