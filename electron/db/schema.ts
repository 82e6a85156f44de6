/**
 * The database schema (drizzle, SQLite). Dates are ISO text ("2025-06-30"), half days are
 * 'SANG' / 'CHIEU', booleans are integers. Codes (mã) are the stable keys users see and the
 * workbook uses; ids are internal.
 *
 * Changing this file means a new migration: `npm run db:generate -- --name <what>`.
 */
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  type AnySQLiteColumn,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex
} from 'drizzle-orm/sqlite-core'

/** One row (id = 1): who issues the office's documents. */
export const organisation = sqliteTable('organisation', {
  id: integer('id').primaryKey(),
  /** "BCH TỈNH ĐOÀN LÂM ĐỒNG" (the issuer line of the document header). */
  issuerName: text('issuer_name').notNull(),
  /** "Lâm Đồng" (the place in the date line: "Lâm Đồng, ngày ... "). */
  placeName: text('place_name').notNull(),
  /** "TĐTN" (in document symbols: 504-KH/TĐTN-XDĐ). */
  issuerAbbreviation: text('issuer_abbreviation').notNull(),
  /** "TỈNH ĐOÀN" or "THÀNH ĐOÀN" (in "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"). */
  issuerLevelName: text('issuer_level_name').notNull(),
  /** Congress term used by document numbering ("2022–2027"). */
  congressTerm: text('congress_term').notNull(),
  /** First day of the congress term (optional; shown in Cài đặt, exported in "Cơ quan"). */
  congressTermStart: text('congress_term_start'),
  updatedAt: text('updated_at').notNull()
})

/** People who sign documents for the office. */
export const signers = sqliteTable('signers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fullName: text('full_name').notNull(),
  /** "BÍ THƯ", "PHÓ BÍ THƯ" (line under the signing authority). */
  position: text('position').notNull(),
  /** "TM. BAN THƯỜNG VỤ" or "K/T BÍ THƯ" ... */
  authority: text('authority').notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true)
})

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  abbreviation: text('abbreviation').notNull()
})

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => units.id)
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    check('units_valid_range', sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validTo} >= ${t.validFrom}`)
  ]
)

export const cadres = sqliteTable(
  'cadres',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    fullName: text('full_name').notNull(),
    gender: text('gender'),
    birthDate: text('birth_date'),
    position: text('position').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    fullTime: integer('full_time', { mode: 'boolean' }).notNull().default(true),
    serviceStart: text('service_start'),
    serviceEnd: text('service_end')
  },
  (t) => [
    index('cadres_department_idx').on(t.departmentId),
    check(
      'cadres_service_range',
      sql`${t.serviceEnd} IS NULL OR ${t.serviceStart} IS NULL OR ${t.serviceEnd} >= ${t.serviceStart}`
    )
  ]
)

/** The clerk's per-year decision that a cadre is (or is not) subject, with the reason. */
export const cadreYearOverrides = sqliteTable(
  'cadre_year_overrides',
  {
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    subject: integer('subject', { mode: 'boolean' }).notNull(),
    reason: text('reason').notNull()
  },
  (t) => [primaryKey({ columns: [t.cadreId, t.year] })]
)

export const exemptions = sqliteTable(
  'exemptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    note: text('note')
  },
  (t) => [
    index('exemptions_cadre_idx').on(t.cadreId),
    check('exemptions_range', sql`${t.toDate} >= ${t.fromDate}`)
  ]
)

/** Per-year settings of the regime; a year without a row uses the defaults of RULES.md. */
export const yearSettings = sqliteTable('year_settings', {
  year: integer('year').primaryKey(),
  targetDays: integer('target_days').notNull(),
  windowStart: text('window_start').notNull(),
  windowEnd: text('window_end').notNull(),
  minSubjectDays: integer('min_subject_days').notNull(),
  behindPaceDays: integer('behind_pace_days').notNull(),
  reportDueDays: integer('report_due_days').notNull(),
  yearReportDeadline: text('year_report_deadline'),
  /** JSON array of RatioRule (shared/domain/settings.ts), validated on read and write. */
  ratioRules: text('ratio_rules').notNull(),
  /** The year's legal basis ("Căn cứ Quy định số ..."), printed in the year's documents. */
  legalBasis: text('legal_basis')
})

export const trips = sqliteTable(
  'trips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    startDate: text('start_date').notNull(),
    startHalf: text('start_half').notNull().default('SANG'),
    endDate: text('end_date').notNull(),
    endHalf: text('end_half').notNull().default('CHIEU'),
    kind: text('kind').notNull(),
    topic: text('topic'),
    status: text('status').notNull().default('DA_THUC_HIEN'),
    travelOrderNo: text('travel_order_no'),
    reportDate: text('report_date'),
    note: text('note'),
    /** Creation order for overlap ties; import keeps the workbook's row order. */
    createdAt: text('created_at').notNull()
  },
  (t) => [
    // Covers the summary's window query (all the columns it reads), so a year of trips is
    // read from the index alone instead of one table lookup per trip.
    index('trips_window_idx').on(t.startDate, t.endDate, t.startHalf, t.endHalf, t.kind, t.status, t.code),
    index('trips_status_idx').on(t.status),
    check('trips_range', sql`${t.endDate} > ${t.startDate} OR (${t.endDate} = ${t.startDate} AND NOT (${t.startHalf} = 'CHIEU' AND ${t.endHalf} = 'SANG'))`)
  ]
)

export const tripParticipants = sqliteTable(
  'trip_participants',
  {
    tripId: integer('trip_id')
      .notNull()
      .references(() => trips.id, { onDelete: 'cascade' }),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    position: integer('position').notNull()
  },
  (t) => [primaryKey({ columns: [t.tripId, t.cadreId] }), index('trip_participants_cadre_idx').on(t.cadreId)]
)

export const tripUnits = sqliteTable(
  'trip_units',
  {
    tripId: integer('trip_id')
      .notNull()
      .references(() => trips.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    position: integer('position').notNull()
  },
  (t) => [primaryKey({ columns: [t.tripId, t.unitId] }), index('trip_units_unit_idx').on(t.unitId)]
)

/**
 * Append-only history of every write: what changed, when, old and new values (JSON).
 * Rows are never updated or deleted (a trigger in the migration refuses it).
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** Groups the rows of one operation (one import, one form save). */
    batchId: text('batch_id').notNull(),
    /** "Nhập từ tệp office-2025.xlsx", "Sửa chuyến đi" ... shown in the change-log screen. */
    source: text('source').notNull(),
    /** What kind of operation wrote it: 'form', 'import' or 'undo' (the history page filters on it). */
    origin: text('origin').notNull().default('form'),
    entity: text('entity').notNull(),
    entityKey: text('entity_key').notNull(),
    action: text('action').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value')
  },
  (t) => [index('change_log_entity_idx').on(t.entity, t.entityKey), index('change_log_batch_idx').on(t.batchId)]
)

/**
 * A unit's parent from a date on (a commune union moved from its district union to the Tỉnh
 * đoàn on 01/07/2025). units.parent_id is the parent from the unit's start; each move
 * overrides it from its date, so the tree of any past day can be rebuilt.
 */
export const unitMoves = sqliteTable(
  'unit_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references((): AnySQLiteColumn => units.id, { onDelete: 'cascade' }),
    /** Null: directly under the issuing organisation (top level). */
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    fromDate: text('from_date').notNull()
  },
  (t) => [uniqueIndex('unit_moves_unit_date_uq').on(t.unitId, t.fromDate)]
)

/**
 * The raw rows a change-log batch wrote (before and after, as drizzle rows), in write order.
 * change_log says what changed in words for people; these rows let "Hoàn tác" put the
 * database back exactly, and check nothing was changed since. Append-only like change_log.
 */
export const changeRows = sqliteTable(
  'change_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: text('batch_id').notNull(),
    tableName: text('table_name').notNull(),
    before: text('before'),
    after: text('after')
  },
  (t) => [index('change_rows_batch_idx').on(t.batchId)]
)

/** Batches that were undone, and the batch that undid each (a batch is undone at most once). */
export const undoneBatches = sqliteTable('undone_batches', {
  batchId: text('batch_id').primaryKey(),
  undoBatchId: text('undo_batch_id').notNull(),
  at: text('at').notNull()
})

export const schema = {
  organisation,
  signers,
  departments,
  units,
  cadres,
  cadreYearOverrides,
  exemptions,
  yearSettings,
  trips,
  tripParticipants,
  tripUnits,
  changeLog,
  unitMoves,
  changeRows,
  undoneBatches
}

/**
 * The register of issued documents (sổ đăng ký văn bản đi). HD 29-HD/TWĐTN-VP numbers each
 * document type in one run per congress term (it does not restart each year), so the
 * unique key is (type, term, number). Drafts are never registered: the văn thư numbers them.
 */
export const issuedDocuments = sqliteTable(
  'issued_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Type abbreviation of the symbol: "BC", "KH", "DS" ... */
    typeCode: text('type_code').notNull(),
    /** Congress term the number belongs to ("2022–2027"). */
    congressTerm: text('congress_term').notNull(),
    number: integer('number').notNull(),
    /** The full symbol as printed after "Số: " ("504-KH/TĐTN-XDĐ"). */
    symbol: text('symbol').notNull(),
    /** Trích yếu ("Kết quả thực hiện chế độ đi công tác cơ sở năm 2025"). */
    title: text('title').notNull(),
    issuedDate: text('issued_date').notNull(),
    /** Drafting department in the symbol ("XDĐ"). */
    departmentAbbreviation: text('department_abbreviation').notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    uniqueIndex('issued_documents_number_uq').on(t.typeCode, t.congressTerm, t.number),
    check('issued_documents_number_positive', sql`${t.number} > 0`)
  ]
)
