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
    check(
      'units_valid_range',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validTo} >= ${t.validFrom}`
    )
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
    // The longest trip, in one index step: the summary bounds its window scan from below with it.
    index('trips_span_idx').on(sql`(julianday(${t.endDate}) - julianday(${t.startDate}))`),
    check(
      'trips_range',
      sql`${t.endDate} > ${t.startDate} OR (${t.endDate} = ${t.startDate} AND NOT (${t.startHalf} = 'CHIEU' AND ${t.endHalf} = 'SANG'))`
    )
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
  (t) => [
    primaryKey({ columns: [t.tripId, t.unitId] }),
    index('trip_units_unit_idx').on(t.unitId),
    // Covers the summary's read of a trip's units in order (no table lookup per row).
    index('trip_units_trip_idx').on(t.tripId, t.position, t.unitId)
  ]
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
  (t) => [
    index('change_log_entity_idx').on(t.entity, t.entityKey),
    index('change_log_batch_idx').on(t.batchId)
  ]
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

// ---- planning ----
// Kế hoạch quý (issue 9): rounds, registrations, oversight. Dates are ISO text, half days
// 'SANG'/'CHIEU' as in trips. Rows are written only by electron/services/planning (through
// log.rows, so "Hoàn tác" reverts them); the calendar reads them.

/**
 * The office's rounds (đợt) of a quarter: "Quý IV – Đợt 2: 10–14/11/2025". One row per round;
 * `number` is the round's number within its quarter (1, 2, 3 …) and, with year and quarter, its
 * key. The dates lie inside the quarter (checked by the service, shared/domain/planning.ts).
 */
export const planningRounds = sqliteTable(
  'planning_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    number: integer('number').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    note: text('note')
  },
  (t) => [
    uniqueIndex('planning_rounds_number_uq').on(t.year, t.quarter, t.number),
    check('planning_rounds_quarter', sql`${t.quarter} BETWEEN 1 AND 4`),
    check('planning_rounds_number_positive', sql`${t.number} > 0`),
    check('planning_rounds_range', sql`${t.endDate} >= ${t.startDate}`)
  ]
)

/**
 * A cadre's registration (phiếu đăng ký) for a quarter: when (a round, or dates of their own;
 * the dates are always stored, a round only fills them in), the content kind and topic; the
 * planned days are the dates' half-day slots (shared/domain/slots.ts), as for a trip.
 * Status: DANG_KY (registered) → BAN_DUYET (confirmed by the head of the ban) →
 * THUONG_TRUC_DUYET (approved by the standing committee), or TU_CHOI (refused, with a note).
 * On approval the service creates a planned trip (status DU_KIEN) through the trips domain and
 * keeps it in `trip_id`; the link stays when the trip becomes Đã thực hiện / Đã báo cáo, so
 * the plan compares with what happened. `source`: 'FORM' (the clerk) or 'TRO_LY' (an accepted
 * proposal of the planning assistant).
 */
export const registrations = sqliteTable(
  'registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** "DK0001": the stable key shown to the clerk and in addresses (#/ke-hoach-quy/dang-ky/DK0001). */
    code: text('code').notNull().unique(),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    /** The round it belongs to; null for dates of the cadre's own outside the rounds. */
    roundId: integer('round_id').references(() => planningRounds.id),
    startDate: text('start_date').notNull(),
    startHalf: text('start_half').notNull().default('SANG'),
    endDate: text('end_date').notNull(),
    endHalf: text('end_half').notNull().default('CHIEU'),
    kind: text('kind').notNull(),
    topic: text('topic'),
    status: text('status').notNull().default('DANG_KY'),
    /** The planned trip made on approval (stays when it is done); SET NULL if the trip is deleted in the logbook. */
    tripId: integer('trip_id').references(() => trips.id, { onDelete: 'set null' }),
    source: text('source').notNull().default('FORM'),
    note: text('note'),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    index('registrations_quarter_idx').on(t.year, t.quarter),
    index('registrations_cadre_idx').on(t.cadreId),
    index('registrations_round_idx').on(t.roundId),
    uniqueIndex('registrations_trip_uq').on(t.tripId),
    check('registrations_quarter', sql`${t.quarter} BETWEEN 1 AND 4`),
    check(
      'registrations_status',
      sql`${t.status} IN ('DANG_KY', 'BAN_DUYET', 'THUONG_TRUC_DUYET', 'TU_CHOI')`
    ),
    check('registrations_source', sql`${t.source} IN ('FORM', 'TRO_LY')`),
    check('registrations_trip_approved', sql`${t.tripId} IS NULL OR ${t.status} = 'THUONG_TRUC_DUYET'`),
    check(
      'registrations_range',
      sql`${t.endDate} > ${t.startDate} OR (${t.endDate} = ${t.startDate} AND NOT (${t.startHalf} = 'CHIEU' AND ${t.endHalf} = 'SANG'))`
    )
  ]
)

/** The units a registration plans to visit, in the order the clerk picked them (at least one). */
export const registrationUnits = sqliteTable(
  'registration_units',
  {
    registrationId: integer('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    position: integer('position').notNull()
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.unitId] }),
    index('registration_units_unit_idx').on(t.unitId)
  ]
)

/** A named group of units a leader oversees together (cụm): "Cụm 1 – phía Bắc". */
export const oversightClusters = sqliteTable('oversight_clusters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  note: text('note')
})

/** The units of a cluster, in order. */
export const oversightClusterUnits = sqliteTable(
  'oversight_cluster_units',
  {
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => oversightClusters.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    position: integer('position').notNull()
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.unitId] }),
    index('oversight_cluster_units_unit_idx').on(t.unitId)
  ]
)

/**
 * Phụ trách: a leader (cadre) assigned to oversee one unit or one cluster (exactly one of the
 * two) from a date, until a date or open-ended (to_date null).
 */
export const oversightAssignments = sqliteTable(
  'oversight_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    unitId: integer('unit_id').references(() => units.id),
    clusterId: integer('cluster_id').references(() => oversightClusters.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    note: text('note')
  },
  (t) => [
    index('oversight_assignments_cadre_idx').on(t.cadreId),
    index('oversight_assignments_unit_idx').on(t.unitId),
    index('oversight_assignments_cluster_idx').on(t.clusterId),
    check('oversight_assignments_target', sql`(${t.unitId} IS NULL) <> (${t.clusterId} IS NULL)`),
    check('oversight_assignments_range', sql`${t.toDate} IS NULL OR ${t.toDate} >= ${t.fromDate}`)
  ]
)

/**
 * Every table, for drizzle and for the generic undo (electron/services/history/undo.ts reverts
 * only tables listed here). Kept at the end of the file: a new domain adds its tables above
 * and lists them here.
 */
// ---- three-active ----
// Đoàn cơ sở "3 chủ động" (RULES.md §10): criteria per programme period, the year's deadlines,
// registrations with their follower and evaluation, criterion results, the recognition
// decision of a year and the province's commendations.

/** A programme period ("Giai đoạn 2023–2027"); its criteria are the office's to edit. */
export const threeActivePeriods = sqliteTable(
  'three_active_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    name: text('name').notNull()
  },
  (t) => [
    uniqueIndex('three_active_periods_start_uq').on(t.startYear),
    check('three_active_periods_range', sql`${t.endYear} >= ${t.startYear}`)
  ]
)

export const threeActiveCriteria = sqliteTable(
  'three_active_criteria',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodId: integer('period_id')
      .notNull()
      .references(() => threeActivePeriods.id, { onDelete: 'cascade' }),
    /** "1.2": the pillar, then the order inside it. */
    code: text('code').notNull(),
    pillar: integer('pillar').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    mandatory: integer('mandatory', { mode: 'boolean' }).notNull().default(true),
    /** Points for provinces that score; null: pass/fail only. */
    maxScore: integer('max_score')
  },
  (t) => [
    uniqueIndex('three_active_criteria_code_uq').on(t.periodId, t.code),
    check('three_active_criteria_pillar', sql`${t.pillar} IN (1, 2, 3)`),
    check('three_active_criteria_score', sql`${t.maxScore} IS NULL OR ${t.maxScore} > 0`)
  ]
)

/** The deadlines of the cycle of year N (registration 10/10 and report 15/10 of N − 1 by default). */
export const threeActiveYears = sqliteTable(
  'three_active_years',
  {
    year: integer('year').primaryKey(),
    registrationDeadline: text('registration_deadline').notNull(),
    reportDeadline: text('report_deadline').notNull()
  },
  (t) => [check('three_active_years_order', sql`${t.reportDeadline} >= ${t.registrationDeadline}`)]
)

/** A grassroots union's registration for year N, its follower and its year-end evaluation. */
export const threeActiveRegistrations = sqliteTable(
  'three_active_registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    registeredOn: text('registered_on').notNull(),
    planText: text('plan_text'),
    planFileName: text('plan_file_name'),
    /** The attached plan, base64 (a few pages of Word or PDF). */
    planFileContent: text('plan_file_content'),
    hardCriteria: text('hard_criteria'),
    followerId: integer('follower_id').references(() => cadres.id),
    evaluatedOn: text('evaluated_on'),
    evaluationNote: text('evaluation_note')
  },
  (t) => [
    uniqueIndex('three_active_registrations_unit_year_uq').on(t.unitId, t.year),
    index('three_active_registrations_year_idx').on(t.year),
    check(
      'three_active_registrations_file',
      sql`(${t.planFileName} IS NULL) = (${t.planFileContent} IS NULL)`
    )
  ]
)

/** One criterion marked đạt / không đạt for one registration, with the evidence. */
export const threeActiveResults = sqliteTable(
  'three_active_results',
  {
    registrationId: integer('registration_id')
      .notNull()
      .references(() => threeActiveRegistrations.id, { onDelete: 'cascade' }),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => threeActiveCriteria.id),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    evidence: text('evidence'),
    score: integer('score')
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.criterionId] }),
    check('three_active_results_score', sql`${t.score} IS NULL OR ${t.score} >= 0`)
  ]
)

/** The recognition decision of year N: once issued, the year's evaluations are frozen. */
export const threeActiveDecisions = sqliteTable('three_active_decisions', {
  year: integer('year').primaryKey(),
  decidedOn: text('decided_on').notNull()
})

/** The province's commendation of an outstanding unit, twice per congress term. */
export const threeActiveCommendations = sqliteTable(
  'three_active_commendations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** "2025–2030", as in Cài đặt › Cơ quan. */
    term: text('term').notNull(),
    round: integer('round').notNull(),
    decidedOn: text('decided_on').notNull(),
    note: text('note')
  },
  (t) => [
    uniqueIndex('three_active_commendations_uq').on(t.unitId, t.term, t.round),
    check('three_active_commendations_round', sql`${t.round} IN (1, 2)`)
  ]
)

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
  undoneBatches,
  issuedDocuments,
  // Kế hoạch quý (planning)
  planningRounds,
  registrations,
  registrationUnits,
  oversightClusters,
  oversightClusterUnits,
  oversightAssignments,
  // Đoàn cơ sở 3 chủ động (three-active)
  threeActivePeriods,
  threeActiveCriteria,
  threeActiveYears,
  threeActiveRegistrations,
  threeActiveResults,
  threeActiveDecisions,
  threeActiveCommendations
}
