/**
 * Content kinds of a trip (RULES.md §2), trip statuses, exemption reasons and unit kinds.
 * These code lists are the single source for labels shown in the UI, the workbook and documents.
 */

export const CONTENT_KINDS = ['CHUYEN_DE', 'PHOI_HOP', 'KIEM_TRA', 'DU_SH_BCH_BTV', 'DU_SH_CHI_DOAN'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]

export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  CHUYEN_DE: 'Đi cơ sở theo chuyên đề',
  PHOI_HOP: 'Phối hợp chỉ đạo, tổ chức hoạt động',
  KIEM_TRA: 'Kiểm tra, giám sát',
  DU_SH_BCH_BTV: 'Dự sinh hoạt chuyên đề của BCH, BTV đoàn cấp dưới',
  DU_SH_CHI_DOAN: 'Dự sinh hoạt chi đoàn'
}

/** Short labels for narrow table columns and chart legends. */
export const CONTENT_KIND_SHORT_LABELS: Record<ContentKind, string> = {
  CHUYEN_DE: 'Chuyên đề',
  PHOI_HOP: 'Phối hợp',
  KIEM_TRA: 'Kiểm tra',
  DU_SH_BCH_BTV: 'Dự SH BCH, BTV',
  DU_SH_CHI_DOAN: 'Dự SH chi đoàn'
}

export const TRIP_STATUSES = ['DU_KIEN', 'DA_THUC_HIEN', 'DA_BAO_CAO'] as const
export type TripStatus = (typeof TRIP_STATUSES)[number]

export const TRIP_STATUS_LABELS: Record<TripStatus, string> = {
  DU_KIEN: 'Dự kiến',
  DA_THUC_HIEN: 'Đã thực hiện',
  DA_BAO_CAO: 'Đã báo cáo'
}

/** RULES.md §3: only trips done or later count toward results. */
export function isCountedStatus(status: TripStatus): boolean {
  return status === 'DA_THUC_HIEN' || status === 'DA_BAO_CAO'
}

export const EXEMPTION_REASONS = ['HOC_TAP_DAI_HAN', 'OM_DAU_DAI_HAN', 'THAI_SAN', 'KHAC'] as const
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number]

export const EXEMPTION_REASON_LABELS: Record<ExemptionReason, string> = {
  HOC_TAP_DAI_HAN: 'Học tập dài hạn',
  OM_DAU_DAI_HAN: 'Ốm đau dài hạn',
  THAI_SAN: 'Nghỉ thai sản',
  KHAC: 'Khác'
}

export const UNIT_KINDS = [
  'TINH_DOAN',
  'HUYEN_DOAN',
  'THI_DOAN',
  'THANH_DOAN',
  'DOAN_TRUC_THUOC',
  'DOAN_XA',
  'DOAN_PHUONG',
  'DOAN_CO_SO',
  'CHI_DOAN',
  'KHAC'
] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  TINH_DOAN: 'Tỉnh đoàn',
  HUYEN_DOAN: 'Huyện đoàn',
  THI_DOAN: 'Thị đoàn',
  THANH_DOAN: 'Thành đoàn',
  DOAN_TRUC_THUOC: 'Đoàn trực thuộc',
  DOAN_XA: 'Đoàn xã',
  DOAN_PHUONG: 'Đoàn phường',
  DOAN_CO_SO: 'Đoàn cơ sở',
  CHI_DOAN: 'Chi đoàn',
  KHAC: 'Khác'
}

export const HALF_DAYS = ['SANG', 'CHIEU'] as const
export type HalfDay = (typeof HALF_DAYS)[number]
export const HALF_DAY_LABELS: Record<HalfDay, string> = { SANG: 'Sáng', CHIEU: 'Chiều' }

export const GENDERS = ['NAM', 'NU'] as const
export type Gender = (typeof GENDERS)[number]
export const GENDER_LABELS: Record<Gender, string> = { NAM: 'Nam', NU: 'Nữ' }
