/**
 * The free-text parts of the chosen document. A slot shows the clerk's own text once edited,
 * the default for the current parameters otherwise (so changing the year updates every slot
 * nobody touched).
 */
import type { DocumentCatalogEntry, DocumentPreview } from '../../../../shared/api/documents'

interface Props {
  entry: DocumentCatalogEntry
  /** Defaults for the current parameters; null until the first preview arrives. */
  defaults: DocumentPreview['texts'] | null
  edits: Readonly<Record<string, string>>
  onEdit: (key: string, text: string | null) => void
}

export function TextSlots({ entry, defaults, edits, onEdit }: Props) {
  return (
    <fieldset className="form-section text-slots">
      <legend>Nội dung soạn thảo</legend>
      <p className="form-hint">Mỗi dòng là một đoạn; dòng bắt đầu bằng "- " là một gạch đầu dòng.</p>
      {entry.texts.map((slot) => {
        const fallback = defaults?.find((d) => d.key === slot.key)?.defaultText ?? ''
        const edited = edits[slot.key] !== undefined
        const id = `slot-${slot.key}`
        return (
          <div className="field slot" key={slot.key}>
            <div className="slot-head">
              <label htmlFor={id}>{slot.label}</label>
              {edited ? (
                <button type="button" className="link-button" onClick={() => onEdit(slot.key, null)}>
                  Dùng lại nội dung mặc định
                </button>
              ) : (
                <span className="slot-state">mặc định</span>
              )}
            </div>
            <textarea
              id={id}
              className={edited ? 'input textarea edited' : 'input textarea'}
              value={edits[slot.key] ?? fallback}
              disabled={defaults === null && !edited}
              spellCheck={false}
              onChange={(e) => onEdit(slot.key, e.target.value === fallback ? null : e.target.value)}
            />
          </div>
        )
      })}
    </fieldset>
  )
}
