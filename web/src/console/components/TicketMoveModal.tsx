/**
 * One move on a ticket as a modal form: the fields validate as they are filled; the server's refusal is
 * shown above the form and, where it names fields, beside them.
 */
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError, call } from '../../api/client';
import { useI18n } from '../i18n';
import { errorText } from './PageState';
import type { MoveBody, MovePath, TicketDetail } from './TicketTypes';

/** POST one move. openapi-fetch cannot infer a request from a union of paths, so the body is checked by MoveBody<P> here. */
export function postMove<P extends MovePath>(path: P, id: number, body: MoveBody<P>): Promise<TicketDetail> {
  return call(api.POST(path as '/api/v1/tickets/{id}/note', { params: { path: { id } }, body: body as MoveBody<'/api/v1/tickets/{id}/note'> })) as Promise<TicketDetail>;
}

/** Put the server's field errors (`details: [{ field, message }]`) beside the fields they name. */
export function showFieldErrors(form: FormInstance, error: unknown, fieldMessage: (serverMessage: string) => string): boolean {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = (error.details as Array<{ field?: string; message?: string }>)
    .filter((d) => d.field && names.has(d.field.split('.')[0]!))
    .map((d) => ({ name: d.field!.split('.')[0]!, errors: [fieldMessage(d.message ?? '')] }));
  form.setFields(fields);
  return fields.length > 0;
}

interface Props<V> {
  title: ReactNode;
  open: boolean;
  onClose(): void;
  /** Send the move; the modal closes on success. */
  submit(values: V): Promise<unknown>;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  width?: number;
  intro?: ReactNode;
  children: ReactNode;
}

export function TicketMoveModal<V extends object>({ title, open, onClose, submit, okText, danger, initialValues, width = 560, intro, children }: Props<V>) {
  const [form] = Form.useForm<V>();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await submit(values);
      message.success(t('tkMoveDone'));
      onClose();
    } catch (e) {
      showFieldErrors(form, e, (m) => t('tkFieldRejected', { message: m }));
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} open={open} onCancel={onClose} onOk={ok} confirmLoading={busy} okText={okText ?? t('confirm')}
      okButtonProps={{ danger }} cancelText={t('cancel')} destroyOnHidden width={width} afterOpenChange={(o) => { if (!o) setError(null); }}>
      {intro}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} requiredMark
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void ok(); } }}>
        {children}
      </Form>
    </Modal>
  );
}
