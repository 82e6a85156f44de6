/** A sentence of a unit's history with the units it names as links to their record pages. */
import { Link } from '@tanstack/react-router'
import type { HistoryWords as Words } from '../../../../shared/api/units'

export function HistoryWords({ words }: { words: Words }) {
  return (
    <>
      {words.map((w, i) =>
        typeof w === 'string' ? (
          <span key={i}>{w}</span>
        ) : (
          <Link key={i} to="/don-vi/$code" params={{ code: w.code }}>
            {w.name}
          </Link>
        )
      )}
    </>
  )
}
