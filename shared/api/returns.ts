import type { z } from 'zod'

/**
 * Declares an API method: `returns<Result>()(inputSchema)` (curried so the schema type is
 * inferred). Each domain's contract file (shared/api/<domain>.ts) declares its methods with it;
 * contract.ts puts them together.
 */
export function returns<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result: R } => ({
    input,
    result: undefined as unknown as R
  })
}
