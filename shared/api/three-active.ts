/** Đoàn cơ sở "3 chủ động": criteria per programme period, registrations, follow-up, evaluation, recognition. */
import './zod-vi'

export const threeActiveContract = {} as const
