/**
 * Import the catalogue spreadsheet. The server checks every row first and writes nothing if any is
 * rejected; the admin sees each rejected row and can fix the file, or write only the good rows.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { errorText } from '../../../components/PageState';
import { useI18n } from '../../../i18n';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Report = Awaited<ReturnType<typeof send>>;

function send(file: File, partial: boolean) {
  // openapi-fetch would JSON-encode the body: the file goes out as it is.
  return call(api.POST('/api/v1/catalogue/import', {
    params: { query: { partial } }, body: file as unknown as string, bodySerializer: (b) => b, headers: { 'content-type': XLSX },
  }));
}

export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(): void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (partial: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await send(file, partial);
      setReport(r);
      if (r.applied) onImported();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => { setFile(null); setReport(null); setError(null); };
  const goodRows = report ? report.created + report.updated : 0;
  return (
    <Modal open={open} title={t('admCatImportTitle')} width={760} onCancel={onClose} afterOpenChange={(v) => { if (!v) reset(); }}
      footer={<Space>
        <Button onClick={onClose}>{t('admClose')}</Button>
        {report && !report.applied && goodRows > 0 && <Button onClick={() => run(true)} loading={busy}>{t('admCatImportPartial', { n: goodRows })}</Button>}
        {!report && <Button type="primary" disabled={!file} loading={busy} onClick={() => run(false)}>{t('admCatImportRun')}</Button>}
        {report && <Button onClick={reset}>{t('admCatImportAnother')}</Button>}
      </Space>}>
      <div aria-live="polite">
        {error && <Alert type="error" showIcon title={t('admRefused')} description={error} style={{ marginBottom: 16 }} />}
        {report ? (
          <>
            <Alert showIcon style={{ marginBottom: 16 }} type={report.applied ? (report.rejected.length ? 'warning' : 'success') : 'error'}
              title={report.applied ? t('admCatImportApplied') : t('admCatImportNotApplied', { n: report.rejected.length })}
              description={report.applied ? undefined : t('admCatImportNotAppliedHint')} />
            <Space size="large" style={{ marginBottom: 16 }}>
              <Statistic title={t('admCatImportCreated')} value={report.created} />
              <Statistic title={t('admCatImportUpdated')} value={report.updated} />
              <Statistic title={t('admCatImportUnchanged')} value={report.unchanged} />
              <Statistic title={t('admCatImportRejected')} value={report.rejected.length} styles={{ content: { color: report.rejected.length ? '#cf1322' : undefined } }} />
            </Space>
            {report.rejected.length > 0 && (
              <Table size="small" rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.code}`} dataSource={report.rejected} pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: t('admCatImportRow'), dataIndex: 'row', width: 70 },
                  { title: t('admCatImportColumn'), dataIndex: 'column', width: 110, render: (c: string | null) => c ?? '—' },
                  { title: t('admCatImportProblem'), key: 'message', render: (_, r) => (lang === 'en' ? r.message_en : r.message) },
                ]} />
            )}
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('admCatImportHint')}</Typography.Paragraph>
            <Upload.Dragger accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }}
              onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('admCatImportDrop')}</p>
              <p className="ant-upload-hint">{t('admCatImportLimit')}</p>
            </Upload.Dragger>
          </>
        )}
      </div>
    </Modal>
  );
}
