/**
 * Người ký: the people who sign the office's documents. Never deleted (issued documents name
 * them), only stopped; one default, and choosing a new default unsets the old one in the
 * same write (the service does it, so "Hoàn tác" puts both back).
 */
import { InlineForm } from '../../components/form/InlineForm'
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { signerSchema, type Signer } from '../../../../shared/api/settings'
import { DEFAULT_AUTHORITY, signingAuthorityLine } from '../../../../shared/domain/issuer'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { CheckboxInput, TextInput } from '../../components/form/fields'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

type Input = z.input<typeof signerSchema>
type Values = z.output<typeof signerSchema>

const FIELDS = ['fullName', 'position', 'authority', 'isDefault'] as const

export function SignersTab() {
  const signers = useApiQuery('signers.list', {})
  const org = useApiQuery('organisation.get', {})
  const setActive = useApiMutation('signers.setActive')
  const makeDefault = useApiMutation('signers.save')
  const [editing, setEditing] = useState<Signer | 'new' | null>(null)
  const [stopping, setStopping] = useState<Signer | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const level = org.data?.issuerLevelName ?? 'TỈNH ĐOÀN'

  if (signers.error) return <ErrorAlert error={toErrorInfo(signers.error)} />
  if (signers.isPending) return <p className="loading">Đang tải…</p>
  const list = signers.data

  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(toErrorInfo(e))
    }
  }

  return (
    <div className="settings-list">
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <div className="toolbar settings-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setEditing('new')}
          disabled={editing === 'new'}
        >
          Thêm người ký
        </button>
      </div>
      {editing !== null && (
        <SignerForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          level={level}
          firstSigner={list.length === 0}
          onClose={() => setEditing(null)}
        />
      )}
      {list.length === 0 ? (
        <div className="empty-state">
          <h2>Chưa có người ký</h2>
          <p>
            Văn bản xuất ra đang in "{signingAuthorityLine(DEFAULT_AUTHORITY, level)} / BÍ THƯ" và để trống họ
            tên người ký. Bấm <b>Thêm người ký</b> để khai báo người ký mặc định.
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table settings-table" aria-label="Danh sách người ký">
            <thead>
              <tr>
                <th>Họ và tên</th>
                <th>Chức vụ</th>
                <th>Thẩm quyền ký (in trên văn bản)</th>
                <th>Mặc định</th>
                <th>Trạng thái</th>
                <th className="col-actions">
                  <span className="sr-only">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} className={s.active ? undefined : 'row-inactive'}>
                  <td className="cell-strong">{s.fullName}</td>
                  <td>{s.position}</td>
                  <td>{s.authorityLine}</td>
                  <td>{s.isDefault && <span className="badge badge-hoan_thanh">Mặc định</span>}</td>
                  <td>{s.active ? 'Đang ký' : <span className="badge badge-mien">Đã ngừng ký</span>}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setEditing(s)}
                        aria-label={`Sửa ${s.fullName}`}
                      >
                        Sửa
                      </button>
                      {s.active && !s.isDefault && (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={makeDefault.isPending}
                          onClick={() =>
                            void run(() =>
                              makeDefault.mutateAsync({
                                id: s.id,
                                fullName: s.fullName,
                                position: s.position,
                                authority: s.authority,
                                isDefault: true
                              })
                            )
                          }
                        >
                          Đặt mặc định
                        </button>
                      )}
                      {s.active ? (
                        <button type="button" className="btn btn-small" onClick={() => setStopping(s)}>
                          Ngừng ký
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={setActive.isPending}
                          onClick={() => void run(() => setActive.mutateAsync({ id: s.id, active: true }))}
                        >
                          Cho ký lại
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={stopping !== null}
        title={`Ngừng ký: ${stopping?.fullName ?? ''}`}
        confirmLabel="Ngừng ký"
        busy={setActive.isPending}
        onCancel={() => setStopping(null)}
        onConfirm={() => {
          const s = stopping
          setStopping(null)
          if (s) void run(() => setActive.mutateAsync({ id: s.id, active: false }))
        }}
      >
        <p>
          Người này không còn được chọn khi xuất văn bản mới; các văn bản đã ban hành vẫn giữ tên.
          {stopping?.isDefault && ' Đây là người ký mặc định: hãy đặt người ký mặc định khác sau khi ngừng.'}
        </p>
      </ConfirmDialog>
    </div>
  )
}

interface FormProps {
  editing: Signer | null
  level: string
  /** The first signer is offered as the default. */
  firstSigner: boolean
  onClose(): void
}

function SignerForm({ editing, level, firstSigner, onClose }: FormProps) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(signerSchema),
    defaultValues: editing
      ? {
          id: editing.id,
          fullName: editing.fullName,
          position: editing.position,
          authority: editing.authority,
          isDefault: editing.isDefault
        }
      : { fullName: '', position: '', authority: DEFAULT_AUTHORITY, isDefault: firstSigner }
  })
  const { errors } = form.formState
  const save = useApiMutation('signers.save')
  const authority = useWatch({ control: form.control, name: 'authority' }) ?? ''

  const title = editing ? `Sửa người ký: ${editing.fullName}` : 'Thêm người ký'
  return (
    <InlineForm
      title={title}
      form={form}
      fields={FIELDS}
      save={(values) => save.mutateAsync(values)}
      pending={save.isPending}
      saveLabel="Lưu người ký"
      onClose={onClose}
    >
      <div className="form-grid settings-grid-3">
        <TextInput
          label="Họ và tên"
          registration={form.register('fullName')}
          error={errors.fullName?.message}
          autoFocus
          required
        />
        <TextInput
          label="Chức vụ"
          registration={form.register('position')}
          error={errors.position?.message}
          hint="In hoa dưới thẩm quyền ký: BÍ THƯ, PHÓ BÍ THƯ"
          required
        />
        <TextInput
          label="Thẩm quyền ký"
          registration={form.register('authority')}
          error={errors.authority?.message}
          hint={`In là: ${signingAuthorityLine(authority, level).toLocaleUpperCase('vi') || '…'}`}
          required
        />
      </div>
      <CheckboxInput
        label="Người ký mặc định (bỏ mặc định của người khác)"
        registration={form.register('isDefault')}
        error={errors.isDefault?.message}
      />
    </InlineForm>
  )
}
