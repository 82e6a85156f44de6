/**
 * The exchange workbook service: preview and commit an import (one transaction, all or
 * nothing), export the database or the empty template. The API handlers take base64 files;
 * the plain functions take Buffers for the CLI and tests.
 */
import type { ApiHandlers } from '../../../shared/api/contract'
import {
  NOTHING_NEW_MESSAGE,
  type ImportIssue,
  type ImportPreview,
  type ImportResult
} from '../../../shared/api/workbook'
import type { AppDatabase } from '../../db/connection'
import type { ServiceContext } from '../context'
import { applyPlan } from './apply'
import { capIssues } from './bounds'
import { sortIssues } from './issues'
import { readWorkbook } from './parse'
import { writeThreeActiveSheets } from './three-active-sheets'
import { changeCount, planImport, type ImportPlan } from './plan'
import { existingRecordsOf, loadSnapshot, type Snapshot } from './snapshot'
import { emptyWorkbookData, type WorkbookData } from './types'
import {
  checkWorkbookShape,
  emptyLists,
  rowNumbersOf,
  validateWorkbook,
  type AbsentColumns,
  type DeclaredCodes,
  type RowNumbers
} from './validate'
import { writeWorkbook } from './write'

export { parseWorkbook, readWorkbook } from './parse'
export { writeTemplate, writeWorkbook } from './write'
export type { WorkbookData } from './types'

/** Rows read from a file (or built in code), before they meet the database. */
interface ImportInput {
  data: WorkbookData
  rowNumbers: RowNumbers
  absent: AbsentColumns
  errors: ImportIssue[]
  warnings: ImportIssue[]
  declared: DeclaredCodes
  /** Errors the reader counted but did not keep (bounds.ts). */
  droppedErrors?: number
}

interface PreparedImport {
  preview: ImportPreview
  plan: ImportPlan
  snapshot: Snapshot
}

function prepareImport(db: AppDatabase, fileName: string, input: ImportInput): PreparedImport {
  const snapshot = loadSnapshot(db)
  const crossErrors = validateWorkbook(
    input.data,
    input.rowNumbers,
    existingRecordsOf(snapshot),
    input.declared
  )
  // At most 200 listed, then "và N lỗi khác" (bounds.ts): the page stays usable.
  const errors = capIssues(sortIssues([...input.errors, ...crossErrors]), input.droppedErrors ?? 0)
  const plan = planImport(snapshot, input.data, input.rowNumbers, input.absent)
  // "Nothing new" only for a file that reads without error: a bad file says what is wrong.
  const nothingNew = errors.length === 0 && changeCount(plan) === 0
  // With nothing to write, warnings about the data (overlaps ...) were said when it was
  // imported; only those about the file itself (unknown columns, sheets) still matter.
  const planWarnings = nothingNew ? [] : plan.warnings
  const warnings = sortIssues([...input.warnings, ...planWarnings])
  return {
    preview: {
      fileName,
      counts: plan.counts,
      added: plan.added,
      changes: plan.changes,
      errors,
      warnings,
      nothingNew,
      message: nothingNew ? NOTHING_NEW_MESSAGE : null,
      canCommit: errors.length === 0 && !nothingNew
    },
    plan,
    snapshot
  }
}

const NOT_WRITTEN = { committed: false, batchId: null, change: null } as const

/** Carries a refused import out of the transaction so that it rolls back. */
class ImportRefused extends Error {
  constructor(readonly result: ImportResult) {
    super('import refused')
  }
}

function commitImport(
  ctx: ServiceContext,
  fileName: string,
  source: string,
  input: ImportInput
): ImportResult {
  if (input.errors.length > 0) {
    // Bad cells: the database is not even opened for writing.
    return { ...prepareImport(ctx.db, fileName, input).preview, ...NOT_WRITTEN }
  }
  // A verified copy of the data as it was, before the import writes (Sao lưu: "Trước khi nhập").
  ctx.snapshot?.('import')
  try {
    // The comparison with the database happens inside the write transaction, so what is
    // written is exactly what was checked, whatever else touched the file meanwhile. A
    // refused or unchanged file rolls back a transaction that wrote nothing.
    return ctx.write(
      source,
      (tx, log) => {
        const { preview, plan, snapshot } = prepareImport(tx, fileName, input)
        if (!preview.canCommit) throw new ImportRefused({ ...preview, ...NOT_WRITTEN })
        applyPlan(log, plan, snapshot, ctx.clock.now(), ctx.handle.sqlite)
        return {
          ...preview,
          committed: true,
          batchId: log.batchId,
          change: { batchId: log.batchId, label: source }
        }
      },
      'import'
    )
  } catch (error) {
    if (error instanceof ImportRefused) return error.result
    throw error
  }
}

export async function previewWorkbook(
  ctx: ServiceContext,
  buffer: Buffer,
  fileName: string
): Promise<ImportPreview> {
  return prepareImport(ctx.db, fileName, await readWorkbook(buffer)).preview
}

export async function importWorkbook(
  ctx: ServiceContext,
  buffer: Buffer,
  fileName: string
): Promise<ImportResult> {
  const input = await readWorkbook(buffer)
  return commitImport(ctx, fileName, `Nhập từ tệp ${fileName}`, input)
}

/**
 * Imports rows built in code (the demo generator) exactly like a file: same checks, same
 * single transaction. `source` names the import in the change log and in the result.
 */
export function importWorkbookData(ctx: ServiceContext, data: WorkbookData, source: string): ImportResult {
  const shape = checkWorkbookShape(data)
  const canonical = shape.data ?? emptyWorkbookData()
  const input: ImportInput = {
    data: canonical,
    rowNumbers: rowNumbersOf(canonical),
    absent: emptyLists(),
    errors: shape.errors,
    warnings: [],
    declared: emptyLists()
  }
  return commitImport(ctx, source, source, input)
}

/**
 * The whole database as workbook rows: trips in id order, participants and units in their
 * stored order, the organisation and the active signers.
 */
export function exportData(ctx: ServiceContext): WorkbookData {
  return loadSnapshot(ctx.db).data
}

export function exportFileName(ctx: ServiceContext, template: boolean): string {
  return template ? 'mau-nhap-lieu.xlsx' : `so-di-co-so-${ctx.clock.today()}.xlsx`
}

export function exportWorkbook(ctx: ServiceContext, options: { template?: boolean } = {}): Promise<Buffer> {
  // The two "3 chủ động" sheets follow the office's sheets (three-active-sheets.ts).
  return options.template
    ? writeWorkbook(emptyWorkbookData(), {
        template: true,
        extraSheets: (wb) => writeThreeActiveSheets(wb, null)
      })
    : writeWorkbook(exportData(ctx), { extraSheets: (wb) => writeThreeActiveSheets(wb, ctx.db) })
}

export function workbookHandlers(
  ctx: ServiceContext
): Pick<ApiHandlers, 'workbook.preview' | 'workbook.commit' | 'workbook.export'> {
  const decode = (contentBase64: string) => Buffer.from(contentBase64, 'base64')
  return {
    'workbook.preview': ({ fileName, contentBase64 }) =>
      previewWorkbook(ctx, decode(contentBase64), fileName),
    'workbook.commit': ({ fileName, contentBase64 }) => importWorkbook(ctx, decode(contentBase64), fileName),
    'workbook.export': async ({ template }) => {
      const content = await exportWorkbook(ctx, { template: template ?? false })
      return { fileName: exportFileName(ctx, template ?? false), contentBase64: content.toString('base64') }
    }
  }
}
