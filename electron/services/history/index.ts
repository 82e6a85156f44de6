/** The history domain's handlers: the change log in words, and undo of a batch. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ServiceContext } from '../context'
import { listChanges } from './list'
import { undoBatch } from './undo'

export function historyHandlers(ctx: ServiceContext): Pick<ApiHandlers, 'history.undo' | 'history.list'> {
  return {
    'history.undo': ({ batchId }) => undoBatch(ctx, batchId),
    'history.list': (query) => listChanges(ctx, query)
  }
}
