/**
 * Ban: the departments of the office, whose abbreviation ends the document symbols. An
 * abbreviation that would make a symbol ambiguous (the same as another ban's once case and
 * diacritics are ignored) or broken ("/", "-", spaces) is refused under the field; a ban
 * with cadres is not deleted, and the refusal says how many.
 */
import { InlineForm } from '../../components/form/InlineForm'
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { departmentSchema, type Department } from '../../../../shared/api/settings'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TextInput } from '../../components/form/fields'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

type Input = z.input<typeof departmentSchema>
type Values = z.output<typeof departmentSchema>

const FIELDS = ['code', 'name', 'abbreviation'] as const

export function DepartmentsTab() {
  const departments = useApiQuery('departments.overview', {})
  const org = useApiQuery('organisation.get', {})
  const remove = useApiMutation('departments.delete')
  const [editing, setEditing] = useState<Department | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Department | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const issuer = org.data?.issuerAbbreviation ?? 'TĐTN'

  if (departments.error) return <ErrorAlert error={toErrorInfo(departments.error)} />
  if (departments.isPending) return <p className="loading">Đang tải…</p>
  const list = departments.data

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
          Thêm ban
        </button>
      </div>
      {editing !== null && (
        <DepartmentForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          issuerAbbreviation={issuer}
          onClose={() => setEditing(null)}
        />
      )}
      {list.length === 0 ? (
        <div className="empty-state">
          <h2>Chưa có ban nào</h2>
          <p>
            Bấm <b>Thêm ban</b> để khai báo các ban của cơ quan (Văn phòng, Ban Xây dựng Đoàn…), hoặc nhập
            trang "Ban" của tệp Excel ở mục Nhập / xuất Excel. Mỗi cán bộ thuộc một ban.
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table settings-table" aria-label="Danh sách ban">
            <thead>
              <tr>
                <th>Mã ban</th>
                <th>Tên ban</th>
                <th>Viết tắt</th>
                <th>Ví dụ ký hiệu văn bản</th>
                <th className="num">Số cán bộ</th>
                <th className="col-actions">
                  <span className="sr-only">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>{d.code}</td>
                  <td className="cell-strong">{d.name}</td>
                  <td>{d.abbreviation}</td>
                  <td className="muted">
                    01-KH/{issuer}-{d.abbreviation}
                  </td>
                  <td className="num">{d.cadreCount}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setEditing(d)}
                        aria-label={`Sửa ${d.name}`}
                      >
                        Sửa
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => {
                          setError(null)
                          setDeleting(d)
                        }}
                        aria-label={`Xóa ${d.name}`}
                      >
                        Xóa
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Xóa ${deleting?.name ?? ''}?`}
        confirmLabel="Xóa ban"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const d = deleting
          setDeleting(null)
          if (!d) return
          remove.mutateAsync({ id: d.id }).catch((e: unknown) => setError(toErrorInfo(e)))
        }}
      >
        <p>
          {deleting && deleting.cadreCount > 0
            ? `${deleting.cadreCount} cán bộ đang thuộc ban này: phần mềm sẽ không xóa. Hãy chuyển họ sang ban khác trước.`
            : 'Ban chưa có cán bộ nào. Có thể hoàn tác ngay sau khi xóa.'}
        </p>
      </ConfirmDialog>
    </div>
  )
}

interface FormProps {
  editing: Department | null
  issuerAbbreviation: string
  onClose(): void
}

function DepartmentForm({ editing, issuerAbbreviation, onClose }: FormProps) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(departmentSchema),
    defaultValues: editing
      ? { id: editing.id, code: editing.code, name: editing.name, abbreviation: editing.abbreviation }
      : { code: '', name: '', abbreviation: '' }
  })
  const { errors } = form.formState
  const save = useApiMutation('departments.save')
  const abbreviation = (useWatch({ control: form.control, name: 'abbreviation' }) ?? '')
    .trim()
    .toLocaleUpperCase('vi')

  const title = editing ? `Sửa ${editing.name}` : 'Thêm ban'
  return (
    <InlineForm
      title={title}
      form={form}
      fields={FIELDS}
      save={(values) => save.mutateAsync(values)}
      pending={save.isPending}
      saveLabel="Lưu ban"
      onClose={onClose}
    >
      <div className="form-grid settings-grid-3">
        <TextInput
          label="Tên ban"
          registration={form.register('name')}
          error={errors.name?.message}
          autoFocus
          required
        />
        <TextInput
          label="Viết tắt (trong ký hiệu văn bản)"
          registration={form.register('abbreviation')}
          error={errors.abbreviation?.message}
          hint={`Ký hiệu: 01-KH/${issuerAbbreviation}-${abbreviation || '…'}`}
          required
        />
        <TextInput
          label="Mã ban"
          registration={form.register('code')}
          error={errors.code?.message}
          hint="Mã dùng trong tệp Excel (cột Mã ban)"
          required
        />
      </div>
    </InlineForm>
  )
}
