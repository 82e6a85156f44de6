/**
 * Cài đặt: who issues and signs the office's documents, its bans, and the rules of each
 * year. Each tab is its own form; the tab is in the URL (?tab=…).
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import '../../styles/settings.css'
import { DepartmentsTab } from './DepartmentsTab'
import { OrganisationTab } from './OrganisationTab'
import { SignersTab } from './SignersTab'
import { SETTINGS_TAB_LABELS, SETTINGS_TABS, type SettingsTab } from './tabs'
import { YearRulesTab } from './YearRulesTab'

const routeApi = getRouteApi('/cai-dat')

const LEADS: Record<SettingsTab, string> = {
  'co-quan': 'Tên, địa danh, viết tắt và nhiệm kỳ in ở đầu mọi văn bản xuất ra.',
  'nguoi-ky': 'Người ký ở cuối văn bản. Người ký mặc định được dùng khi xuất văn bản.',
  ban: 'Các ban của cơ quan. Viết tắt của ban đứng cuối số, ký hiệu văn bản (01-KH/TĐTN-XDĐ).',
  nam: 'Chỉ tiêu, thời gian tính và các tỉ lệ của từng năm; căn cứ pháp lý in ở phần mở đầu báo cáo, kế hoạch.'
}

export function SettingsPage() {
  const search = routeApi.useSearch()
  const tab: SettingsTab = search.tab ?? 'co-quan'

  return (
    <section className="page settings-page">
      <header className="page-header">
        <h1>Cài đặt</h1>
      </header>
      <nav className="settings-tabs" role="tablist" aria-label="Các mục cài đặt">
        {SETTINGS_TABS.map((t) => (
          <Link
            key={t}
            to="/cai-dat"
            search={t === 'nam' ? { tab: t, nam: search.nam } : { tab: t }}
            role="tab"
            aria-selected={t === tab}
            className={t === tab ? 'settings-tab active' : 'settings-tab'}
          >
            {SETTINGS_TAB_LABELS[t]}
          </Link>
        ))}
      </nav>
      <p className="page-lead">{LEADS[tab]}</p>
      <div role="tabpanel" aria-label={SETTINGS_TAB_LABELS[tab]}>
        {tab === 'co-quan' && <OrganisationTab />}
        {tab === 'nguoi-ky' && <SignersTab />}
        {tab === 'ban' && <DepartmentsTab />}
        {tab === 'nam' && <YearRulesTab year={search.nam} />}
      </div>
    </section>
  )
}
