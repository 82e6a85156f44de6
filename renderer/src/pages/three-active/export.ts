/** Exporting a "3 chủ động" document from these pages: the same documents.issue the Văn bản page uses. */
import { useState } from 'react'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { saveGeneratedFile } from '../../lib/save'

export type ThreeActiveDocument =
  'three-active-form' | 'three-active-record' | 'three-active-decision' | 'three-active-report'

export function useExportDocument() {
  const issue = useApiMutation('documents.issue')
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const run = async (document: ThreeActiveDocument, year: number, unitCode?: string) => {
    setError(null)
    setMessage(null)
    try {
      const file = await issue.mutateAsync({
        document,
        year,
        draft: false,
        ...(unitCode ? { unitCode } : {})
      })
      const saved = await saveGeneratedFile({ fileName: file.fileName, contentBase64: file.contentBase64 })
      if (saved.kind === 'cancelled') return
      const number = file.issued ? ` (số ${file.issued.symbol})` : ''
      setMessage(
        saved.kind === 'saved'
          ? `Đã lưu ${file.fileName}${number} vào ${saved.path}.`
          : `Đã tải về ${file.fileName}${number}.`
      )
    } catch (e) {
      setError(toErrorInfo(e))
    }
  }
  return { run, busy: issue.isPending, message, error, clearError: () => setError(null) }
}
