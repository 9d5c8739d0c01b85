/**
 * 督查督办: late work across all units (urge or supervise several at once), the extension requests to
 * decide, and spot checks of closed tickets. One page, one tab per address so each has its menu entry.
 */
import { AuditOutlined, ExclamationCircleOutlined, FieldTimeOutlined, SafetyCertificateOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Tabs, Typography } from 'antd';
import { useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useI18n } from '../../i18n';
import { useLiveTickets } from '../../live';
import { useAsync } from '../../useAsync';
import { ExtensionQueue } from './ExtensionQueue';
import { LateWork, lateTickets } from './LateWork';
import { SpotChecks } from './SpotChecks';
import '../dashboard/dashboard.css';

export type SupervisionTab = 'late' | 'extensions' | 'spot';
const PATHS: Record<SupervisionTab, string> = { late: '/supervision', extensions: '/supervision/extensions', spot: '/supervision/spot-checks' };

export function SupervisionPage({ tab }: { tab: SupervisionTab }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const overdue = useAsync(() => call(api.GET('/api/v1/queues/late', { params: { query: { state: 'overdue', limit: 1000 } } })), []);
  const warning = useAsync(() => call(api.GET('/api/v1/queues/late', { params: { query: { state: 'warning', limit: 1000 } } })), []);
  const extensions = useAsync(() => call(api.GET('/api/v1/queues/extensions')), []);
  const reload = () => { overdue.reload(); warning.reload(); extensions.reload(); };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveTickets(() => { clearTimeout(timer.current); timer.current = setTimeout(reload, 800); });

  const overdueTickets = lateTickets(overdue.data ?? []);
  const warningTickets = lateTickets(warning.data ?? []).filter((w) => !overdueTickets.some((o) => o.ticketId === w.ticketId));
  const summary = [
    { key: 'overdue', tab: 'late' as const, label: t('svOverdueTickets'), value: overdue.data ? overdueTickets.length : undefined, color: '#cf1322', icon: <ExclamationCircleOutlined /> },
    { key: 'warning', tab: 'late' as const, label: t('svWarningTickets'), value: warning.data ? warningTickets.length : undefined, color: '#d48806', icon: <FieldTimeOutlined /> },
    { key: 'supervised', tab: 'late' as const, label: t('svSupervisedLate'), value: overdue.data ? overdueTickets.filter((x) => x.supervised).length : undefined, color: '#d4380d', icon: <AuditOutlined /> },
    { key: 'extensions', tab: 'extensions' as const, label: t('svExtensionsWaiting'), value: extensions.data?.length, color: '#531dab', icon: <SafetyCertificateOutlined /> },
  ];

  return (
    <div className="db-page">
      <div className="db-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuSupervision')}</Typography.Title>
          <Typography.Text type="secondary">{t('svSubtitle')}</Typography.Text>
        </div>
        <Button icon={<SyncOutlined spin={overdue.loading || extensions.loading} />} onClick={reload}>{t('dbRefresh')}</Button>
      </div>
      <div className="db-summary">
        {summary.map((s) => (
          <div key={s.key} role="button" tabIndex={0} className="db-summary-card" style={{ color: s.color }} onClick={() => navigate(PATHS[s.tab])}
            onKeyDown={(e) => { if (e.key === 'Enter') navigate(PATHS[s.tab]); }}>
            <div className="db-summary-label">{s.icon}{s.label}</div>
            <div className="db-summary-value">{s.value ?? '—'}</div>
          </div>
        ))}
      </div>
      <Tabs activeKey={tab} onChange={(k) => navigate(PATHS[k as SupervisionTab])} items={[
        {
          key: 'late', label: t('svTabLate'),
          children: <LateWork overdue={overdueTickets} warning={warningTickets} loading={overdue.loading || warning.loading} error={overdue.error ?? warning.error} onChanged={reload} />,
        },
        { key: 'extensions', label: `${t('menuExtensions')}${extensions.data?.length ? ` (${extensions.data.length})` : ''}`, children: <ExtensionQueue queue={extensions} onChanged={reload} /> },
        { key: 'spot', label: t('svTabSpot'), children: <SpotChecks /> },
      ]} />
    </div>
  );
}
