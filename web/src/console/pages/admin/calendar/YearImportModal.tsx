/** Load a year's schedule from a file (or pasted text) for a year the bundled data does not know yet. */
import { Alert, Form, Input, InputNumber, Typography, Upload, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import { FormModal } from '../FormModal';

interface Values { year: number; text: string }

const EXAMPLE = `year=2027
# 日期,类型,名称  (holiday / adjusted_workday)
2027-01-01,holiday,元旦
2027-02-06,holiday,春节
2027-02-14,adjusted_workday,春节`;

export function YearImportModal({ year, version, onClose, onImported }: { year: number | null; version: number; onClose(): void; onImported(year: number): void }) {
  const { t } = useI18n();
  const submit = async (v: Values) => {
    await call(api.POST('/api/v1/calendar/years/{year}/import', {
      params: { path: { year: v.year }, query: { version } }, body: v.text, bodySerializer: (b) => b, headers: { 'content-type': 'text/plain; charset=utf-8' },
    }));
    onImported(v.year);
  };
  return (
    <FormModal<Values> open={year !== null} width={640} title={t('admCalImportTitle')} okText={t('admCalImportRun')}
      onClose={onClose} onSubmit={submit} initialValues={{ year: year ?? undefined, text: '' }}>
      {(form) => (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('admCalImportHint')}
            description={<Typography.Paragraph style={{ margin: 0 }}><pre style={{ margin: '6px 0 0', fontSize: 12 }}>{EXAMPLE}</pre></Typography.Paragraph>} />
          <Form.Item name="year" label={t('admCalYear')} rules={[{ required: true }]}>
            <InputNumber min={1970} max={9999} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('admCalImportFileLabel')}>
            <Upload accept=".txt,.csv,text/plain,text/csv" maxCount={1} showUploadList={false}
              beforeUpload={async (f) => { form.setFieldValue('text', await f.text()); return false; }}>
              <Button icon={<UploadOutlined />}>{t('admCalImportChoose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="text" label={t('admCalImportText')} rules={[{ required: true, message: t('admRequired') }]}>
            <Input.TextArea rows={10} style={{ fontFamily: 'monospace', fontSize: 12 }} placeholder={EXAMPLE} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
