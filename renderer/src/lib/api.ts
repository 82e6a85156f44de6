/**
 * Reads and writes through window.api with TanStack Query: reads are cached by method and
 * input, and every successful write refreshes them all (the database is local and small
 * reads are cheap, so "everything may have changed" is simpler and never stale). A write
 * whose result carries a change receipt is offered for "Hoàn tác" (lib/undo.tsx).
 */
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions
} from '@tanstack/react-query'
import type { ApiInput, ApiResult } from '../../../shared/api/contract'
import type { ChangeReceipt } from '../../../shared/api/history'
import type { ApiMethod } from '../../../shared/api/methods'
import { useUndo } from './undo'

export function callApi<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const call = window.api[method] as (input: ApiInput<M>) => Promise<ApiResult<M>>
  return call(input)
}

export function apiQueryKey<M extends ApiMethod>(method: M, input: ApiInput<M>): readonly [M, ApiInput<M>] {
  return [method, input] as const
}

export function useApiQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  options: Omit<UseQueryOptions<ApiResult<M>, Error>, 'queryKey' | 'queryFn'> = {}
) {
  return useQuery<ApiResult<M>, Error>({
    queryKey: apiQueryKey(method, input),
    queryFn: () => callApi(method, input),
    ...options
  })
}

function receiptOf(result: unknown): ChangeReceipt | null {
  if (typeof result !== 'object' || result === null || !('change' in result)) return null
  const change = (result as { change: unknown }).change
  if (typeof change !== 'object' || change === null) return null
  const { batchId, label } = change as Partial<ChangeReceipt>
  return typeof batchId === 'string' && typeof label === 'string' ? { batchId, label } : null
}

/** A write: on success every read refreshes and the change is offered for undo. */
export function useApiMutation<M extends ApiMethod>(
  method: M,
  options: Omit<UseMutationOptions<ApiResult<M>, Error, ApiInput<M>>, 'mutationFn'> = {}
) {
  const queryClient = useQueryClient()
  const undo = useUndo()
  return useMutation<ApiResult<M>, Error, ApiInput<M>>({
    ...options,
    mutationFn: (input) => callApi(method, input),
    onSuccess: async (result, input, ...rest) => {
      const receipt = receiptOf(result)
      if (receipt) undo.offer(receipt)
      await queryClient.invalidateQueries()
      await options.onSuccess?.(result, input, ...rest)
    }
  })
}
