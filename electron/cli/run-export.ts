/**
 * The export command's work, once commands.ts has checked its options: the texts file, the
 * signer, then the document through the same exporter as the app. Loaded on demand (docx).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { readTextsFile, resolveSigner } from '../reports/export-input'
import { exportDocument } from '../reports/export'
import { DOCUMENT_PARAMETERS, type DocumentKind } from '../reports/kinds'
import { readDepartment } from '../services/people-read'
import { withContext } from './context'

export interface ExportCommandOptions {
  document: DocumentKind
  dbFile: string
  year: number
  out: string
  quarter: number | undefined
  trip: string | undefined
  cadre: string | undefined
  department: string | undefined
  unit: string | undefined
  asOf: string | undefined
  signer: string | undefined
  date: string | undefined
  number: number | undefined
  /** The texts file as given (read here: its slots are the document catalog's). */
  textsFile: string | undefined
  draft: boolean
  chart: boolean
}

export async function runExport(o: ExportCommandOptions): Promise<number> {
  const { document } = o
  const texts = o.textsFile === undefined ? undefined : readTextsFile(resolve(o.textsFile), document)
  const result = await withContext(o.dbFile, true, (ctx) => {
    // --department names the ban the document covers, or the ban drafting it (its abbreviation ends the symbol).
    const department = o.department === undefined ? undefined : readDepartment(ctx, o.department)
    const covered = DOCUMENT_PARAMETERS[document].departmentRole === 'covered'
    const signerId = o.signer === undefined ? undefined : resolveSigner(ctx, o.signer)
    return exportDocument(ctx, {
      document,
      year: o.year,
      quarter: o.quarter,
      tripCode: o.trip,
      cadreCode: o.cadre,
      ...(o.unit === undefined ? {} : { unitCode: o.unit }),
      departmentCode: covered ? department?.code : undefined,
      departmentAbbreviation: covered ? undefined : department?.abbreviation,
      asOf: o.asOf,
      draft: o.draft,
      ...(o.chart ? { withChart: true } : {}),
      ...(signerId === undefined ? {} : { signerId }),
      ...(o.date === undefined ? {} : { date: o.date }),
      ...(o.number === undefined ? {} : { number: o.number }),
      ...(texts === undefined ? {} : { texts })
    })
  })
  mkdirSync(dirname(o.out), { recursive: true })
  writeFileSync(o.out, result.buffer)
  process.stdout.write(`Đã xuất: ${o.out}\n`)
  if (result.issued) process.stdout.write(`Số văn bản: ${result.issued.symbol} (đã ghi vào sổ đăng ký)\n`)
  for (const note of result.notes) process.stdout.write(`  - ${note}\n`)
  return 0
}
