/**
 * The history page's read: change-log batches, newest first, filtered by record kind, record
 * code, day and origin, a page at a time. A batch is one operation (a form save, an import,
 * an undo); the filters pick the batches that hold at least one matching row.
 */
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { ChangeBatchView, ChangeLogPage, ChangeOriginName } from '../../../shared/api/history'
import { HISTORY_PAGE_SIZE } from '../../../shared/api/history'
import { changeLog, undoneBatches } from '../../db/schema'
import type { ServiceContext } from '../context'
import { describeEntry, entityLabel } from './describe'

/** Entries shown per batch; an import's thousands of rows are counted, not listed. */
const ENTRIES_PER_BATCH = 30

export interface HistoryQuery {
  entity?: string | undefined
  key?: string | undefined
  from?: string | undefined
  to?: string | undefined
  origin?: ChangeOriginName | undefined
  page: number
}

/**
 * Timestamps are UTC ISO strings; the clerk's days are local. A day filter compares on the
 * local day of the timestamp, which SQLite computes with 'localtime' (the machine's zone).
 */
const localDay = sql<string>`date(${changeLog.at}, 'localtime')`

export function listChanges(ctx: ServiceContext, query: HistoryQuery): ChangeLogPage {
  const conditions: SQL[] = []
  if (query.entity) conditions.push(eq(changeLog.entity, query.entity))
  if (query.key) conditions.push(eq(changeLog.entityKey, query.key))
  if (query.origin) conditions.push(eq(changeLog.origin, query.origin))
  if (query.from) conditions.push(gte(localDay, query.from))
  if (query.to) conditions.push(lte(localDay, query.to))
  const where = conditions.length > 0 ? and(...conditions) : undefined

  const batchRows = ctx.db
    .select({ batchId: changeLog.batchId, lastId: sql<number>`max(${changeLog.id})` })
    .from(changeLog)
    .where(where)
    .groupBy(changeLog.batchId)
    .orderBy(desc(sql`max(${changeLog.id})`))
    .limit(HISTORY_PAGE_SIZE)
    .offset(query.page * HISTORY_PAGE_SIZE)
    .all()
  const total =
    ctx.db
      .select({ n: sql<number>`count(distinct ${changeLog.batchId})` })
      .from(changeLog)
      .where(where)
      .get()?.n ?? 0

  const ids = batchRows.map((b) => b.batchId)
  const batches: ChangeBatchView[] = ids.map((batchId) => describeBatch(ctx, batchId, where))
  const entities = ctx.db
    .selectDistinct({ entity: changeLog.entity })
    .from(changeLog)
    .all()
    .map(({ entity }) => ({ entity, label: entityLabel(entity) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'))
  return { total, batches, entities }
}

function describeBatch(ctx: ServiceContext, batchId: string, where: SQL | undefined): ChangeBatchView {
  const inBatch = eq(changeLog.batchId, batchId)
  const filtered = where ? and(inBatch, where) : inBatch
  const rows = ctx.db
    .select()
    .from(changeLog)
    .where(filtered)
    .orderBy(changeLog.id)
    .limit(ENTRIES_PER_BATCH)
    .all()
  const entryCount = ctx.db.select({ n: count() }).from(changeLog).where(filtered).get()?.n ?? 0
  const first = ctx.db.select().from(changeLog).where(inBatch).orderBy(changeLog.id).limit(1).get()
  const undone = ctx.db
    .select()
    .from(undoneBatches)
    .where(inArray(undoneBatches.batchId, [batchId]))
    .get()
  return {
    batchId,
    at: first?.at ?? '',
    source: first?.source ?? '',
    origin: (first?.origin ?? 'form') as ChangeOriginName,
    undoneBy: undone?.undoBatchId ?? null,
    entryCount,
    entries: rows.map(describeEntry)
  }
}
