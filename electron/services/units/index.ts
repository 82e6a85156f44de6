/** The units domain's handlers, keyed by API method (shared/api/units.ts). */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ServiceContext } from '../context'
import { mergeUnits } from './merge'
import { readChoices, readDetail, readImpact, readTree } from './read'
import { closeUnit, createUnit, deleteMove, moveUnit, updateUnit } from './write'

type UnitMethod = Extract<keyof ApiHandlers, `units.${string}`>

export function unitHandlers(ctx: ServiceContext): Pick<ApiHandlers, UnitMethod> {
  return {
    'units.tree': ({ date, includeClosed }) => readTree(ctx, date, includeClosed ?? false),
    'units.get': ({ code }) => readDetail(ctx, code),
    'units.choices': ({ date }) => readChoices(ctx, date),
    'units.impact': ({ codes, lastDay }) => readImpact(ctx, codes, lastDay),
    'units.create': (input) => createUnit(ctx, input),
    'units.update': (input) => updateUnit(ctx, input),
    'units.close': (input) => closeUnit(ctx, input),
    'units.merge': (input) => mergeUnits(ctx, input),
    'units.move': (input) => moveUnit(ctx, input),
    'units.deleteMove': (input) => deleteMove(ctx, input)
  }
}
