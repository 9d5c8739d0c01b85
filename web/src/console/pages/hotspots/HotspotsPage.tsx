/**
 * /hotspots — 溯源分析: the same problem at the same place, mined from a period's tickets and ranked by size,
 * growth and public reaction. Each hotspot shows its tickets, units and services; a dispatcher or supervisor
 * turns one into a proactive case (未诉先办) that a unit handles at the source.
 */
import { FireOutlined, RiseOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, List, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth';
import { LoadError, Loading } from '../../components/PageState';
import { formatDate } from '../../components/TicketFormat';
import { StatusTag } from '../../components/TicketTags';
import { useI18n } from '../../i18n';
import { CaseModal } from './CaseModal';
import { Sparkline } from './Sparkline';
import type { Hotspot } from './types';
import { PRESETS, useHotspots } from './useHotspots';
import '../dashboard/dashboard.css';

export function HotspotsPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { report, days, range, setDays, setRange } = useHotspots();
  const [converting, setConverting] = useState<Hotspot | null>(null);
  const canOpenCases = (me?.roles ?? []).some((r) => r === 'dispatcher' || r === 'supervisor');
  const data = report.data;

  return (
    <div className="db-page" data-testid="hotspots-page">
      <div className="db-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuHotspots')}</Typography.Title>
          <Typography.Text type="secondary">{t('hsSubtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Segmented value={days ?? 'custom'} onChange={(v) => { if (v !== 'custom') setDays(Number(v)); }}
            options={[...PRESETS.map((d) => ({ value: d, label: t('hsLastDays', { n: d }) })), { value: 'custom', label: t('hsCustom'), disabled: true }]} />
          <DatePicker.RangePicker allowClear={false} aria-label={t('hsPeriod')}
            value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
            onChange={(v) => { if (v?.[0] && v[1]) setRange(v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')); }} />
          <Button icon={<SyncOutlined spin={report.loading} />} onClick={report.reload}>{t('dbRefresh')}</Button>
        </Space>
      </div>
      {report.error && !data ? <LoadError error={report.error} onRetry={report.reload} /> : !data ? <Loading /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="hotspots-summary">
            {t('hsSummary', { tickets: data.tickets, n: data.hotspots.length, from: formatDate(data.from, lang), to: formatDate(new Date(Date.parse(data.to) - 1), lang) })}
          </Typography.Text>
          {data.truncated && <Alert type="warning" showIcon title={t('hsTruncated', { n: data.tickets })} />}
          {data.hotspots.length === 0 ? <Card><Empty description={t('hsEmpty')} /></Card> : (
            <List dataSource={data.hotspots} rowKey="key" renderItem={(h, i) => (
              <HotspotCard hotspot={h} rank={i + 1} canOpenCase={canOpenCases} onOpenCase={() => setConverting(h)} />
            )} />
          )}
          <CaseModal hotspot={converting} report={data} onClose={() => setConverting(null)} onDone={() => report.reload()} />
        </Space>
      )}
    </div>
  );
}

function HotspotCard({ hotspot: h, rank, canOpenCase, onOpenCase }: { hotspot: Hotspot; rank: number; canOpenCase: boolean; onOpenCase(): void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(rank <= 3);
  const rising = h.growth >= 1.5;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`hotspot-${rank}`}
      title={(
        <Space wrap>
          <Tag color={rank <= 3 ? 'volcano' : 'default'} icon={<FireOutlined />}>{`#${rank}`}</Tag>
          <Typography.Text strong>{h.name}</Typography.Text>
          {h.place && <Tag color="blue">{h.place}</Tag>}
        </Space>
      )}
      extra={h.case
        ? <Link to={`/tickets/${h.case.ticketId}`}><Tag color="green">{t('hsCaseOpened', { code: h.case.trackingCode })}</Tag></Link>
        : canOpenCase && <Button type="primary" size="small" onClick={onOpenCase}>{t('hsOpenCase')}</Button>}>
      <Space wrap size={24} align="center">
        <Statistic label={t('hsSize')} value={h.size} />
        <Statistic label={t('hsReaction')} value={h.reaction} hint={t('hsReactionHint')} />
        <Statistic label={t('hsGrowth')} value={`${h.growth.toFixed(1)}×`} hint={t('hsGrowthHint')} icon={rising ? <RiseOutlined style={{ color: '#d4380d' }} /> : undefined} />
        <Statistic label={t('hsHeat')} value={h.heat.toFixed(2)} />
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hsTrend')}</Typography.Text>
          <Sparkline values={h.trend} label={t('hsTrendLabel', { counts: h.trend.join(', ') })} />
        </Space>
        <Space size={4} wrap>{h.keywords.map((k) => <Tag key={k}>{k}</Tag>)}</Space>
      </Space>
      <div style={{ marginTop: 8 }}>
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('hsHide') : t('hsShow', { n: h.size })}
        </Button>
      </div>
      {open && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }} items={[
            { key: 'span', label: t('hsSpan'), children: `${formatDate(h.first, lang)} – ${formatDate(h.last, lang)}` },
            { key: 'units', label: t('hsUnits'), children: h.units.map((u) => `${u.name || t('hsUnassigned')} ${u.count}`).join('，') || '—' },
            { key: 'services', label: t('hsServices'), children: h.services.map((s) => `${s.name} ${s.count}`).join('，') || '—' },
          ]} />
          <List size="small" dataSource={h.tickets} rowKey="id" renderItem={(x) => (
            <List.Item>
              <Space wrap size={8}>
                <StatusTag status={x.status} />
                <Link to={`/tickets/${x.id}`}>{x.title}</Link>
                <Typography.Text type="secondary" code>{x.trackingCode}</Typography.Text>
                <Typography.Text type="secondary">{x.locationText}</Typography.Text>
                <Typography.Text type="secondary">{formatDate(x.acceptedAt, lang)}</Typography.Text>
              </Space>
            </List.Item>
          )} />
          {h.size > h.tickets.length && <Typography.Text type="secondary">{t('hsMore', { n: h.size - h.tickets.length })}</Typography.Text>}
        </>
      )}
    </Card>
  );
}

function Statistic({ label, value, hint, icon }: { label: string; value: string | number; hint?: string; icon?: React.ReactNode }) {
  const body = (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      <Typography.Text strong style={{ fontSize: 18 }}>{icon} {value}</Typography.Text>
    </Space>
  );
  return hint ? <Tooltip title={hint}>{body}</Tooltip> : body;
}
