/**
 * The clerk's names for the API's input fields, so that a refusal says "Từ ngày: …" and not
 * "startDate: …". Forms still find their field: the error payload keeps the raw path in
 * `fields` (shared/api/errors.ts). The labels follow the forms and the workbook's columns.
 *
 * A key means different things in different domains ("code" is a cadre's, a unit's or a
 * trip's), so the method's domain (the part before the dot) can override the common label.
 */

const COMMON: Record<string, string> = {
  abbreviation: 'Tên viết tắt',
  active: 'Đang dùng',
  asOf: 'Tính đến ngày',
  authority: 'Thẩm quyền ký',
  batchId: 'Lần thay đổi',
  behindPaceDays: 'Số ngày chậm tiến độ',
  birthDate: 'Ngày sinh',
  cadreCode: 'Mã cán bộ',
  cadreCodes: 'Cán bộ tham gia',
  code: 'Mã',
  codes: 'Các mã',
  congressTerm: 'Nhiệm kỳ đại hội',
  congressTermStart: 'Năm bắt đầu nhiệm kỳ',
  contentBase64: 'Nội dung tệp',
  copies: 'Số bản sao',
  date: 'Ngày',
  departmentCode: 'Ban',
  desc: 'Thứ tự giảm dần',
  document: 'Văn bản',
  draft: 'Bản nháp',
  enabled: 'Áp dụng',
  endDate: 'Đến ngày',
  endHalf: 'Buổi kết thúc',
  entity: 'Loại hồ sơ',
  fileName: 'Tên tệp',
  from: 'Từ ngày',
  fromDate: 'Từ ngày',
  fullName: 'Họ và tên',
  fullTime: 'Chuyên trách',
  gender: 'Giới tính',
  id: 'Mục',
  inServiceOn: 'Đang công tác ngày',
  includeClosed: 'Gồm đơn vị đã giải thể',
  isDefault: 'Mặc định',
  issuerAbbreviation: 'Tên viết tắt cơ quan ban hành',
  issuerLevelName: 'Cơ quan cấp trên',
  issuerName: 'Tên cơ quan ban hành',
  key: 'Mã hồ sơ',
  kind: 'Loại nội dung',
  kinds: 'Loại nội dung',
  label: 'Tên',
  lastDay: 'Ngày cuối',
  legalBasis: 'Căn cứ',
  limit: 'Số dòng',
  minPercent: 'Tỉ lệ tối thiểu',
  minSubjectDays: 'Số ngày tối thiểu',
  month: 'Tháng',
  name: 'Tên',
  newKind: 'Loại đơn vị mới',
  newName: 'Tên mới',
  newParentCode: 'Đơn vị cấp trên mới',
  note: 'Ghi chú',
  number: 'Số văn bản',
  offset: 'Vị trí bắt đầu',
  origin: 'Nguồn thay đổi',
  originalCode: 'Mã ban đầu',
  overdue: 'Quá hạn báo cáo',
  page: 'Trang',
  parentCode: 'Đơn vị cấp trên',
  placeName: 'Địa danh',
  position: 'Chức vụ',
  q: 'Tìm kiếm',
  quarter: 'Quý',
  ratioRules: 'Quy định tỉ lệ',
  reason: 'Lý do',
  reportDate: 'Ngày nộp báo cáo',
  reportDueDays: 'Hạn nộp báo cáo (ngày)',
  serviceEnd: 'Ngày kết thúc công tác',
  serviceStart: 'Ngày bắt đầu công tác',
  signerId: 'Người ký',
  sort: 'Sắp xếp',
  sourceCodes: 'Đơn vị được sáp nhập',
  startDate: 'Từ ngày',
  startHalf: 'Buổi bắt đầu',
  status: 'Trạng thái',
  subject: 'Thuộc diện',
  target: 'Đơn vị nhận',
  targetCode: 'Mã đơn vị nhận',
  targetDays: 'Chỉ tiêu (ngày)',
  template: 'Tệp mẫu',
  texts: 'Nội dung văn bản',
  to: 'Đến ngày',
  topic: 'Nội dung',
  travelOrderNo: 'Số công lệnh',
  tripCode: 'Mã chuyến',
  unitCodes: 'Đơn vị',
  validFrom: 'Thành lập từ ngày',
  validTo: 'Đến ngày',
  windowEnd: 'Cuối kỳ tính',
  windowStart: 'Đầu kỳ tính',
  year: 'Năm',
  yearReportDeadline: 'Hạn báo cáo năm',
  unitCode: 'Mã đơn vị',
  withChart: 'Kèm biểu đồ',
  // Kế hoạch quý (planning)
  originalNumber: 'Số đợt ban đầu',
  roundNumber: 'Đợt',
  clusterCode: 'Mã cụm',
  toDate: 'Đến ngày',
  proposals: 'Đề xuất',
  approve: 'Duyệt',
  // Đoàn cơ sở 3 chủ động (three-active)
  registeredOn: 'Ngày đăng ký',
  planText: 'Kế hoạch',
  planFile: 'Tệp kế hoạch',
  hardCriteria: 'Tiêu chí cứng',
  evaluatedOn: 'Ngày đánh giá',
  results: 'Kết quả',
  criterionCode: 'Mã tiêu chí',
  passed: 'Đạt',
  evidence: 'Minh chứng',
  score: 'Điểm',
  registrationDeadline: 'Hạn đăng ký',
  reportDeadline: 'Hạn báo cáo',
  criteria: 'Tiêu chí',
  text: 'Nội dung',
  mandatory: 'Bắt buộc',
  maxScore: 'Điểm tối đa',
  decidedOn: 'Ngày quyết định',
  term: 'Nhiệm kỳ',
  round: 'Đợt',
  // Sao lưu và khôi phục (backups)
  commit: 'Ghi vào dữ liệu',
  folder: 'Thư mục',
  file: 'Tệp'
}

const BY_DOMAIN: Record<string, Record<string, string>> = {
  cadres: { code: 'Mã cán bộ', status: 'Trạng thái năm', reason: 'Lý do' },
  exemptions: { id: 'Kỳ miễn giảm', reason: 'Lý do miễn giảm', from: 'Từ ngày', to: 'Đến ngày' },
  units: {
    code: 'Mã đơn vị',
    codes: 'Các mã đơn vị',
    name: 'Tên đơn vị',
    kind: 'Loại đơn vị',
    target: 'Đơn vị nhận'
  },
  trips: { code: 'Mã chuyến', codes: 'Các chuyến', status: 'Trạng thái' },
  departments: { code: 'Mã ban', name: 'Tên ban' },
  signers: { id: 'Người ký' },
  history: { from: 'Từ ngày', to: 'Đến ngày', kind: 'Loại thay đổi' },
  documents: { kind: 'Loại văn bản' },
  settings: { label: 'Tên quy định', kind: 'Loại nội dung' }
}

/** The label of one key, or null when the app has no name for it. */
export function fieldLabel(method: string, key: string): string | null {
  const domain = method.split('.')[0] ?? ''
  const own = BY_DOMAIN[domain]
  if (own && Object.hasOwn(own, key)) return own[key] ?? null
  return Object.hasOwn(COMMON, key) ? (COMMON[key] ?? null) : null
}

/**
 * A field path ("participants.2.cadreCode", "ratioRules.0.minPercent") in words:
 * "Quy định tỉ lệ, mục 1, Tỉ lệ tối thiểu". A key without a label is said as "một trường"
 * rather than shown in English.
 */
export function describeFieldPath(method: string, path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = []
  for (const segment of path) {
    if (typeof segment === 'number' || (typeof segment === 'string' && /^\d+$/.test(segment))) {
      parts.push(`mục ${Number(segment) + 1}`)
    } else if (typeof segment === 'string') {
      parts.push(fieldLabel(method, segment) ?? 'một trường')
    } else {
      parts.push('một trường')
    }
  }
  return parts.join(', ')
}
