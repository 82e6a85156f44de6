/** The tabs of Cài đặt and the URL search that selects them (kept apart from routes.ts to avoid an import cycle). */
import { z } from 'zod'

export const SETTINGS_TABS = ['co-quan', 'nguoi-ky', 'ban', 'nam'] as const
export type SettingsTab = (typeof SETTINGS_TABS)[number]

export const SETTINGS_TAB_LABELS: Record<SettingsTab, string> = {
  'co-quan': 'Cơ quan',
  'nguoi-ky': 'Người ký',
  ban: 'Ban',
  nam: 'Quy định năm'
}

/** A bad or old URL never crashes: an unknown tab is the first one, a bad year is the current one. */
export const settingsSearchSchema = z.object({
  tab: z.enum(SETTINGS_TABS).optional().catch(undefined),
  nam: z.number().int().min(2000).max(2100).optional().catch(undefined)
})

export type SettingsSearch = z.infer<typeof settingsSearchSchema>
