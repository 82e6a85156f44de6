/**
 * zod speaks Vietnamese everywhere it is loaded (main process, CLI, renderer): a schema
 * without its own message still gives the clerk a Vietnamese sentence, never English.
 * Imported for its effect by contract.ts, which every side loads before validating.
 */
import { z } from 'zod'

z.config(z.locales.vi())
