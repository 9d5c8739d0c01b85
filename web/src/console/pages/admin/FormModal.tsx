/**
 * A modal form whose refusals stay inside it: the server's own message (in the chosen language) is shown
 * above the fields, so an admin can correct the entry instead of starting again.
 */
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../components/PageState';
import { useI18n } from '../../i18n';

interface Props<T> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  width?: number;
  initialValues?: Partial<T>;
  onClose(): void;
  /** Throw to keep the modal open with the error shown; resolve to close it. */
  onSubmit(values: T): Promise<void>;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
}

export function FormModal<T extends object>({ open, title, okText, width, initialValues, onClose, onSubmit, children }: Props<T>) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const finish = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} width={width ?? 560} okText={okText ?? t('save')} cancelText={t('cancel')}
      confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden
      afterOpenChange={(visible) => { if (!visible) setError(null); }}>
      <div aria-live="assertive">
        {error && <Alert type="error" showIcon title={t('admRefused')} description={error} style={{ marginBottom: 16 }} />}
      </div>
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={finish} preserve={false} requiredMark="optional"
        scrollToFirstError>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
