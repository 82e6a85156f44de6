/**
 * "Kết thúc công tác": a date, not a deletion. The cadre stays in the list with their past
 * years; from the day after, they no longer count toward the target. Asked in a dialog, and
 * the undo bar offers "Hoàn tác" afterwards.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { endServiceSchema, type CadreRecord } from '../../../../shared/api/cadres'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import type { ErrorInfo } from '../../lib/errors'

type Input = z.input<typeof endServiceSchema>
type Values = z.output<typeof endServiceSchema>

interface Props {
  cadre: CadreRecord
  referenceYear: number
  onClose(): void
}

export function EndServiceDialog({ cadre, referenceYear, onClose }: Props) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(endServiceSchema),
    defaultValues: { code: cadre.code, serviceEnd: '' }
  })
  const end = useApiMutation('cadres.endService')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const close = onClose
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await end.mutateAsync(values)
      close()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['serviceEnd']))
    }
  })
  return (
    <ConfirmDialog
      open
      title={`Kết thúc công tác: ${cadre.fullName}`}
      confirmLabel="Kết thúc công tác"
      danger
      busy={end.isPending}
      onCancel={close}
      onConfirm={() => void submit()}
    >
      <p>
        Cán bộ vẫn ở trong danh sách và giữ số liệu các năm đã qua; sau ngày kết thúc, số ngày thuộc diện và
        chỉ tiêu được tính lại. Không xóa dữ liệu nào.
      </p>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <DateInput
        label="Ngày kết thúc công tác"
        control={form.control}
        name="serviceEnd"
        error={form.formState.errors.serviceEnd?.message}
        referenceYear={referenceYear}
        required
      />
    </ConfirmDialog>
  )
}
