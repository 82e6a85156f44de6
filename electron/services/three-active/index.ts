/** Đoàn cơ sở "3 chủ động": criteria per programme period, registrations, follow-up, evaluation, recognition. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { threeActiveContract } from '../../../shared/api/three-active'
import type { ServiceContext } from '../context'

export function threeActiveHandlers(_ctx: ServiceContext): Pick<ApiHandlers, keyof typeof threeActiveContract> {
  return {}
}
