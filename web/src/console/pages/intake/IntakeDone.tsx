/** After submitting: the tracking code to read out to the caller, and where the ticket went. */
import { CopyOutlined, FileSearchOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { StatusTag } from '../../components/TicketTags';
import { unitName, useServices, useUnits } from '../../components/TicketRefData';
import type { TicketStatus } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import type { IntakeValues } from './IntakePage';

export interface IntakeResult {
  id: number; trackingCode: string; status: TicketStatus; serviceId: number | null; leadUnitId: number | null;
  direct: boolean; closeError: string | null; values: IntakeValues;
}

export function IntakeDone({ result, onNext }: { result: IntakeResult; onNext(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const units = useUnits();
  const services = useServices();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.trackingCode);
      message.success(t('tkIntakeCopied'));
    } catch {
      message.info(result.trackingCode);
    }
  };
  const where = result.direct ? t('tkIntakeDoneDirect')
    : result.leadUnitId ? t('tkIntakeDoneDispatched', { unit: unitName(units, result.leadUnitId) }) : t('tkIntakeDoneQueued');
  return (
    <div className="tk-page" style={{ maxWidth: 880 }}>
      <Card>
        <Result status="success" title={result.direct ? t('tkIntakeDoneTitleDirect') : t('tkIntakeDoneTitle')} subTitle={where}
          extra={(
            <Space wrap>
              <Button type="primary" size="large" icon={<PhoneOutlined />} autoFocus onClick={onNext}>{t('tkIntakeNext')}</Button>
              <Link to={`/tickets/${result.id}`}><Button size="large" icon={<FileSearchOutlined />}>{t('tkIntakeOpenTicket')}</Button></Link>
            </Space>
          )}>
          <div className="tk-tracking">
            <Typography.Text type="secondary">{t('tkTrackingCode')}</Typography.Text>
            <div className="tk-tracking-code" data-testid="tracking-code">{result.trackingCode}</div>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>{t('tkIntakeCopy')}</Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('tkIntakeTellCaller', { code: result.trackingCode, phone4: result.values.requesterPhone.replace(/\D/g, '').slice(-4) })}
            </Typography.Paragraph>
          </div>
          {result.closeError && <Alert type="warning" showIcon title={t('tkIntakeDirectCloseFailed')} description={result.closeError} style={{ marginTop: 16 }} />}
          <Descriptions size="small" column={2} bordered style={{ marginTop: 24 }} items={[
            { key: 'status', label: t('tkStatus'), children: <StatusTag status={result.direct ? 'closed' : result.status} /> },
            { key: 'service', label: t('tkService'), children: services?.find((s) => s.id === result.serviceId)?.name ?? t('tkUnclassified') },
            { key: 'title', label: t('tkIntakeTitle'), children: result.values.title, span: 2 },
            { key: 'who', label: t('tkRequester'), children: `${result.values.requesterName} · ${result.values.requesterPhone}` },
            { key: 'where', label: t('tkIntakeLocation'), children: result.values.location },
          ]} />
        </Result>
      </Card>
    </div>
  );
}
