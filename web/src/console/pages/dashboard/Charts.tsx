/** The trend of the period (volume as bars, the rates as lines) and the channel mix; a click opens the tickets. */
import { Card, Segmented, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { CHANNEL_LABELS, label } from '../../components/TicketLabels';
import { useI18n } from '../../i18n';
import { drillHref } from './drill';
import { EChart, type ChartOption } from './EChart';
import { pct } from './format';
import type { Overview, Trend } from './statsTypes';

export type BucketSize = Trend['bucket'];

const SERIES_COLORS = { volume: '#c8161d', satisfaction: '#fa8c16', closedLoop: '#13a8a8', onTime: '#722ed1' };

function bucketLabel(key: string, size: BucketSize, lang: 'zh' | 'en'): string {
  const [, m, d] = key.split('-');
  if (size === 'month') return lang === 'zh' ? `${Number(m)}月` : key.slice(0, 7);
  return size === 'week' ? (lang === 'zh' ? `${Number(m)}/${Number(d)}周` : `wk ${m}-${d}`) : `${m}-${d}`;
}

export function TrendCard({ trend, bucket, onBucket, loading }: { trend: Trend | undefined; bucket: BucketSize; onBucket(b: BucketSize): void; loading: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const points = useMemo(() => trend?.points ?? [], [trend]);
  const option = useMemo<ChartOption>(() => {
    const rateSeries = (name: string, key: 'satisfaction' | 'closedLoop' | 'onTime') => ({
      type: 'line' as const, name, yAxisIndex: 1, smooth: true, connectNulls: true, symbolSize: 5,
      itemStyle: { color: SERIES_COLORS[key] }, lineStyle: { width: 2 },
      data: points.map((p) => (p[key].rate === null ? null : Math.round(p[key].rate * 1000) / 10)),
    });
    return {
      animationDuration: 400,
      grid: { left: 44, right: 48, top: 48, bottom: 28 },
      legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 8, itemGap: 16, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (v === null || v === undefined ? '—' : String(v)),
      },
      xAxis: { type: 'category', data: points.map((p) => bucketLabel(p.key, bucket, lang)), axisTick: { alignWithLabel: true }, axisLabel: { fontSize: 11, color: '#8c8c8c' } },
      yAxis: [
        { type: 'value', name: t('dbVolume'), nameTextStyle: { color: '#8c8c8c', fontSize: 11 }, minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } }, axisLabel: { color: '#8c8c8c' } },
        { type: 'value', name: '%', min: 0, max: 100, nameTextStyle: { color: '#8c8c8c', fontSize: 11 }, splitLine: { show: false }, axisLabel: { color: '#8c8c8c' } },
      ],
      series: [
        { type: 'bar', name: t('dbVolume'), data: points.map((p) => p.accepted.value), barMaxWidth: 18, itemStyle: { color: SERIES_COLORS.volume, borderRadius: [3, 3, 0, 0] } },
        rateSeries(t('dbSatisfaction'), 'satisfaction'),
        rateSeries(t('dbClosedLoop'), 'closedLoop'),
        rateSeries(t('dbOnTime'), 'onTime'),
      ],
    };
  }, [points, bucket, lang, t]);
  return (
    <Card title={t('dbTrend')} className="db-card" loading={loading && !trend}
      extra={<Segmented size="small" value={bucket} onChange={(v) => onBucket(v as BucketSize)}
        options={[{ value: 'day', label: t('dbByDay') }, { value: 'week', label: t('dbByWeek') }, { value: 'month', label: t('dbByMonth') }]} />}>
      <EChart option={option} height={280} label={t('dbTrend')}
        onClick={(e) => { const href = drillHref(points[e.dataIndex]?.accepted.filter); if (href) navigate(href); }} />
      <Typography.Text type="secondary" className="db-note">{t('dbTrendNote')}</Typography.Text>
    </Card>
  );
}

const PIE = ['#c8161d', '#1677ff', '#fa8c16', '#13a8a8', '#722ed1', '#52c41a', '#8c8c8c'];

export function ChannelCard({ overview }: { overview: Overview | undefined }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const channels = useMemo(() => overview?.channels ?? [], [overview]);
  const total = channels.reduce((n, c) => n + c.count, 0);
  const option = useMemo<ChartOption>(() => ({
    animationDuration: 400,
    color: PIE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0, left: 'center', itemWidth: 10, itemHeight: 10, itemGap: 12, textStyle: { fontSize: 12 } },
    series: [{
      type: 'pie', radius: ['50%', '74%'], center: ['50%', '42%'], avoidLabelOverlap: true,
      label: { show: true, position: 'center', formatter: () => `${total}`, fontSize: 26, fontWeight: 600, color: '#262626' },
      labelLine: { show: false },
      data: channels.map((c) => ({ name: label(CHANNEL_LABELS, c.channel, lang), value: c.count })),
    }],
  }), [channels, total, lang]);
  return (
    <Card title={t('dbChannels')} className="db-card">
      {channels.length === 0 ? <div className="db-empty">{t('dbNoTickets')}</div> : (
        <EChart option={option} height={300} label={t('dbChannels')}
          onClick={(e) => { const href = drillHref(channels[e.dataIndex]?.filter); if (href) navigate(href); }} />
      )}
    </Card>
  );
}

/** 诉求分类: volume by service group, largest first; a bar opens its tickets. */
export function GroupsCard({ overview }: { overview: Overview | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const groups = useMemo(() => (overview?.groups ?? []).slice(0, 8), [overview]);
  const total = (overview?.groups ?? []).reduce((n, g) => n + g.count, 0);
  const option = useMemo<ChartOption>(() => ({
    animationDuration: 400,
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => { const v = Number((p as { value: number }).value); return `${(p as { name: string }).name}：${v} 件（${pct(total ? v / total : null, 0)}）`; } },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.group ?? t('dbUnclassified')), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: '#595959', fontSize: 13 } },
    series: [{
      type: 'bar', data: groups.map((g) => g.count), barWidth: 14, itemStyle: { color: '#1677ff', borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', color: '#595959', formatter: (p) => `${String(p.value)} · ${pct(total ? Number(p.value) / total : null, 0)}` },
    }],
  }), [groups, total, t]);
  return (
    <Card title={t('dbGroups')} className="db-card">
      {groups.length === 0 ? <div className="db-empty">{t('dbNoTickets')}</div> : (
        <EChart option={option} height={Math.max(160, groups.length * 40)} label={t('dbGroups')}
          onClick={(e) => { const href = drillHref(groups[e.dataIndex]?.filter); if (href) navigate(href); }} />
      )}
      <Typography.Text type="secondary" className="db-note">{t('dbGroupsNote')}</Typography.Text>
    </Card>
  );
}
