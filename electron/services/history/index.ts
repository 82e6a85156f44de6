/** The history domain's handlers: undo a batch (the history page comes with the trips logbook). */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ServiceContext } from '../context'
import { undoBatch } from './undo'

export function historyHandlers(ctx: ServiceContext): Pick<ApiHandlers, 'history.undo'> {
  return {
    'history.undo': ({ batchId }) => undoBatch(ctx, batchId)
  }
}
