/** The province's commendations of outstanding 3 chủ động units, twice per congress term. */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { commendationSchema, type ThreeActiveYearView } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

type Input = z.input<typeof commendationSchema>
type Values = z.output<typeof commendationSchema>

export function CommendationsPanel({ view }: { view: ThreeActiveYearView }) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(commendationSchema),
    defaultValues: { unitCode: '', term: view.congressTerm ?? '', round: 1, decidedOn: '', note: '' }
  })
  const commend = useApiMutation('threeActive.commend')
  const remove = useApiMutation('threeActive.removeCommendation')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const errors = form.formState.errors
  // Recognised units first: the province commends among them.
  const choices = [...view.registrations].sort((a, b) => Number(b.recognised) - Number(a.recognised))

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await commend.mutateAsync(values)
      form.reset({ ...values, unitCode: '', note: '' })
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['unitCode', 'term', 'round', 'decidedOn', 'note']))
    }
  })

  return (
    <div className="panel" aria-label="Khen thưởng">
      <h2>Khen thưởng đơn vị xuất sắc (hai lần mỗi nhiệm kỳ)</h2>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {view.commendations.length > 0 ? (
        <table className="data-table tcd-commendations">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>Nhiệm kỳ</th>
              <th>Đợt</th>
              <th>Ngày quyết định</th>
              <th>Ghi chú</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.commendations.map((c) => (
              <tr key={`${c.unit.code}-${c.term}-${c.round}`}>
                <td>{c.unit.name}</td>
                <td>{c.term}</td>
                <td>{c.round}</td>
                <td>{formatDateVi(c.decidedOn)}</td>
                <td>{c.note ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() =>
                      remove
                        .mutateAsync({ unitCode: c.unit.code, term: c.term, round: c.round })
                        .catch((e: unknown) => setBanner(toErrorInfo(e)))
                    }
                  >
                    Xóa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Chưa có khen thưởng nào.</p>
      )}
      <form
        onSubmit={(e) => void submit(e)}
        className="form-grid tcd-commend-form"
        aria-label="Thêm khen thưởng"
        noValidate
      >
        <SelectInput
          label="Đơn vị"
          registration={form.register('unitCode')}
          options={choices.map((l) => ({
            value: l.unit.code,
            label: `${l.unit.name}${l.recognised ? ' (được công nhận)' : ''}`
          }))}
          emptyLabel="— chọn đơn vị —"
          error={errors.unitCode?.message}
          required
        />
        <TextInput
          label="Nhiệm kỳ"
          registration={form.register('term')}
          error={errors.term?.message}
          required
          placeholder="2025–2030"
        />
        <SelectInput
          label="Đợt"
          registration={form.register('round', { setValueAs: (v: string) => Number(v) })}
          options={[
            { value: '1', label: 'Đợt 1' },
            { value: '2', label: 'Đợt 2' }
          ]}
          error={errors.round?.message}
          required
        />
        <DateInput
          label="Ngày quyết định"
          control={form.control}
          name="decidedOn"
          error={errors.decidedOn?.message}
          referenceYear={view.year}
          required
        />
        <TextInput label="Ghi chú" registration={form.register('note')} error={errors.note?.message} />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={commend.isPending}>
            Ghi khen thưởng
          </button>
        </div>
      </form>
    </div>
  )
}
