/** 直办: a consultation answered while the caller is on the line; the answer closes the loop at once. */
import { Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n';

export function DirectAnswerModal({ open, onClose, onSubmit, busy }: { open: boolean; onClose(): void; onSubmit(note: string): Promise<void>; busy: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const ok = async () => {
    const { note } = await form.validateFields();
    await onSubmit(note.trim());
  };
  return (
    <Modal open={open} title={t('tkIntakeDirectTitle')} onCancel={onClose} onOk={() => void ok().catch(() => undefined)} confirmLoading={busy}
      okText={t('tkIntakeDirectOk')} cancelText={t('cancel')} destroyOnHidden width={600}>
      <Alert type="info" showIcon title={t('tkIntakeDirectIntro')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void ok().catch(() => undefined); } }}>
        <Form.Item name="note" label={t('tkIntakeDirectAnswer')} rules={[{ required: true, whitespace: true, message: t('tkIntakeDirectAnswerRequired') }, { max: 2000 }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 4, maxRows: 10 }} maxLength={2000} showCount placeholder={t('tkIntakeDirectPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
