/**
 * What Tổng quan keeps in the address (#/tong-quan?nam=2025&ngay=2025-06-30): the year and the
 * "Tính đến ngày", as every year page (components/YearAsOf.tsx).
 */
import { yearAsOfSearchSchema, type YearAsOfSearch } from '../../components/YearAsOf'

export const dashboardSearchSchema = yearAsOfSearchSchema

export type DashboardSearch = YearAsOfSearch
