/**
 * A searchable multi-select for the keyboard: type to filter (diacritics do not matter, "duc"
 * finds "Đức", through shared/domain/search.ts), ↑/↓ to move, Enter to pick or unpick, Esc
 * to close the list, Backspace on an empty box to drop the last choice, Tab to move on. The
 * chosen items stay in the order they were picked (a trip's first cadre reports by default).
 *
 * A click on an option picks it and leaves the list open under the mouse for more.
 *
 * ARIA combobox pattern: the text box keeps the focus and points at the active option with
 * aria-activedescendant, so screen readers follow and the form's Tab order stays simple.
 * Cadre and unit pickers (CadrePicker, UnitPicker) are thin wrappers that build the options.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { matchesSearch } from '../../../../shared/domain/search'
import './pickers.css'

export interface PickerOption {
  value: string
  label: string
  /** Shown dimmed after the label ("Chuyên viên · Ban Phong trào"); searched too. */
  detail?: string | undefined
  /** Extra words the search should find (codes, old names); not shown. */
  searchText?: string | undefined
  /** Options are listed by group, in the order the groups first appear. */
  group?: string | undefined
  /** Shown with a warning mark, still pickable ("không có hiệu lực vào ngày đi"). */
  warning?: string | undefined
}

export interface MultiPickerProps {
  id?: string
  options: readonly PickerOption[]
  value: readonly string[]
  onChange(value: string[]): void
  onBlur?(): void
  placeholder?: string
  invalid?: boolean
  /** id of the message under the field (aria-describedby). */
  describedBy?: string | undefined
  inputRef?: Ref<HTMLInputElement>
  /** Picking replaces the choice instead of adding to it. */
  single?: boolean
  /** Most options listed at once; typing narrows the rest. */
  maxShown?: number
  /** Chips show this instead of the label (a short form: "A01 Nguyễn Hồng Thắm"). */
  chipLabel?(option: PickerOption): string
  ariaLabel?: string
  disabled?: boolean
  autoFocus?: boolean
}

export function MultiPicker({
  id,
  options,
  value,
  onChange,
  onBlur,
  placeholder = 'Gõ để tìm…',
  invalid,
  describedBy,
  inputRef,
  single,
  maxShown = 80,
  chipLabel,
  ariaLabel,
  disabled,
  autoFocus
}: MultiPickerProps) {
  const autoId = useId()
  const inputId = id ?? `${autoId}-input`
  const listId = `${autoId}-list`
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)

  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options])
  const chosen = new Set(value)
  const matches = useMemo(
    () => options.filter((o) => matchesSearch(query, o.label, o.detail, o.searchText, o.value)),
    [options, query]
  )
  const shown = matches.slice(0, maxShown)
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1))
  const activeOption = open ? shown[activeIndex] : undefined

  const toggle = (option: PickerOption) => {
    if (single) onChange(chosen.has(option.value) ? [] : [option.value])
    else if (chosen.has(option.value)) onChange(value.filter((v) => v !== option.value))
    else onChange([...value, option.value])
    // The list closes after each pick (it would otherwise cover the next fields); typing or
    // ↓ opens it again for one more.
    setQuery('')
    setActive(0)
    setOpen(false)
  }

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index))
    setActive(next)
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!open) setOpen(true)
        else moveTo(activeIndex + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        if (open) moveTo(activeIndex - 1)
        break
      case 'PageDown':
        if (open) {
          event.preventDefault()
          moveTo(activeIndex + 10)
        }
        break
      case 'PageUp':
        if (open) {
          event.preventDefault()
          moveTo(activeIndex - 10)
        }
        break
      case 'Enter':
        // With the list open Enter picks; closed, it belongs to the form (next field, save).
        if (open && activeOption && !event.ctrlKey && !event.metaKey) {
          event.preventDefault()
          event.stopPropagation()
          toggle(activeOption)
        }
        break
      case 'Escape':
        if (open || query) {
          event.preventDefault()
          event.stopPropagation()
          setOpen(false)
          setQuery('')
        }
        break
      case 'Backspace':
        if (query === '' && value.length > 0) onChange(value.slice(0, -1))
        break
      case 'Tab':
        setOpen(false)
        setQuery('')
        break
    }
  }

  return (
    <div className={`picker${invalid ? ' invalid' : ''}${open ? ' open' : ''}${disabled ? ' disabled' : ''}`}>
      <div
        className="picker-box"
        onMouseDown={(e) => {
          // A click on the box (not on a chip's ×) puts the cursor in the text box.
          if (e.target === e.currentTarget) {
            e.preventDefault()
            document.getElementById(inputId)?.focus()
            setOpen(true)
          }
        }}
      >
        {value.map((v) => {
          const option = byValue.get(v)
          const text = option ? (chipLabel ? chipLabel(option) : option.label) : v
          return (
            <span
              key={v}
              className={option?.warning ? 'picker-chip picker-chip-warn' : 'picker-chip'}
              title={option?.warning ?? option?.detail}
            >
              {text}
              <button
                type="button"
                className="picker-chip-remove"
                tabIndex={-1}
                aria-label={`Bỏ ${text}`}
                disabled={disabled}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onChange(value.filter((x) => x !== v))}
              >
                ×
              </button>
            </span>
          )
        })}
        <input
          id={inputId}
          ref={inputRef}
          type="text"
          className="picker-input"
          role="combobox"
          aria-label={ariaLabel}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeIndex}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={value.length === 0 ? placeholder : ''}
          value={query}
          disabled={disabled}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
            setOpen(true)
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false)
            setQuery('')
            onBlur?.()
          }}
        />
      </div>
      {open && (
        <ul id={listId} ref={listRef} className="picker-list" role="listbox" aria-multiselectable={!single}>
          {shown.length === 0 && <li className="picker-empty">Không có kết quả phù hợp.</li>}
          {shown.map((option, index) => {
            const header =
              option.group !== undefined && option.group !== shown[index - 1]?.group ? option.group : null
            const selected = chosen.has(option.value)
            return [
              header && (
                <li key={`g-${header}`} className="picker-group" role="presentation">
                  {header}
                </li>
              ),
              <li
                key={option.value}
                id={`${listId}-${index}`}
                data-index={index}
                role="option"
                aria-selected={selected}
                className={`picker-option${index === activeIndex ? ' active' : ''}${selected ? ' selected' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => index !== activeIndex && setActive(index)}
                onClick={() => {
                  toggle(option)
                  setOpen(true)
                }}
              >
                <span className="picker-check" aria-hidden="true">
                  {selected ? '✓' : ''}
                </span>
                <span className="picker-label">{option.label}</span>
                {option.detail && <span className="picker-detail">{option.detail}</span>}
                {option.warning && (
                  <span className="picker-warning" title={option.warning}>
                    ⚠
                  </span>
                )}
              </li>
            ]
          })}
          {matches.length > shown.length && (
            <li className="picker-more" role="presentation">
              và {matches.length - shown.length} kết quả khác: gõ thêm để thu hẹp.
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
