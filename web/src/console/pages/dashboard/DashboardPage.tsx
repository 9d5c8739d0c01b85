/**
 * 领导驾驶舱: the district's scores for a period — volume and trend, the headline rates, the ranking of
 * departments and towns, the channel mix and the hot services. Every number opens the tickets behind it.
 */
import { CheckCircleOutlined, CustomerServiceOutlined, LikeOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Row, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call } from '../../../api/client';
import { LoadError } from '../../components/PageState';
import { formatShort } from '../../components/TicketFormat';
import { useI18n } from '../../i18n';
import { useAsync } from '../../useAsync';
import { ChannelCard, GroupsCard, TrendCard, type BucketSize } from './Charts';
import { KpiCard, Tile } from './FigureCards';
import { HotCard } from './HotCard';
import { lastDay } from './drill';
import { RankingCard, type RankGroup } from './RankingCard';
import { usePeriod, type PeriodChoice } from './usePeriod';
import './dashboard.css';

export function DashboardPage() {
  const { t, lang } = useI18n();
  const period = usePeriod();
  const [bucket, setBucket] = useState<BucketSize>('day');
  const [group, setGroup] = useState<RankGroup>('departments');
  const q = period.query;
  const key = JSON.stringify(q);
  const overview = useAsync(() => call(api.GET('/api/v1/stats/overview', { params: { query: q } })), [key]);
  const trend = useAsync(() => call(api.GET('/api/v1/stats/trend', { params: { query: { ...q, bucket } } })), [key, bucket]);
  const ranking = useAsync(() => call(api.GET('/api/v1/stats/ranking', { params: { query: { ...q, group } } })), [key, group]);
  const hot = useAsync(() => call(api.GET('/api/v1/stats/hot', { params: { query: { ...q, limit: 8 } } })), [key]);
  const reload = () => { overview.reload(); trend.reload(); ranking.reload(); hot.reload(); };

  const f = overview.data?.figures;
  const spark = (k: 'response' | 'resolution' | 'satisfaction' | 'closedLoop') => (trend.data?.points ?? []).map((p) => p[k].rate);
  const shown = overview.data?.period;

  return (
    <div className="db-page">
      <div className="db-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuDashboard')}</Typography.Title>
          <Typography.Text type="secondary">
            {shown ? t('dbPeriodLine', { from: shown.from, to: lastDay(shown.to), at: formatShort(overview.data!.computedAt, lang) }) : t('loading')}
          </Typography.Text>
        </div>
        <Space wrap>
          <Segmented value={period.choice} onChange={(v) => { if (v !== 'custom') period.setPreset(v as Exclude<PeriodChoice, 'custom'>); }}
            options={[
              { value: 'this_month', label: t('dbThisMonth') }, { value: 'last_month', label: t('dbLastMonth') },
              { value: 'this_year', label: t('dbThisYear') }, { value: 'custom', label: t('dbCustom'), disabled: period.choice !== 'custom' },
            ]} />
          <DatePicker.RangePicker allowClear={false} value={period.range ? [dayjs(period.range[0]), dayjs(period.range[1])] : shown ? [dayjs(shown.from), dayjs(lastDay(shown.to))] : null}
            onChange={(v) => { if (v?.[0] && v[1]) period.setRange(v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')); }} />
          <Button icon={overview.loading ? <SyncOutlined spin /> : <ReloadOutlined />} onClick={reload}>{t('dbRefresh')}</Button>
        </Space>
      </div>

      {overview.error && !overview.data ? <LoadError error={overview.error} onRetry={reload} /> : (
        <>
          <Row gutter={[16, 16]}>
            {f && ([
              { title: 'dbResponse', hint: 'dbResponseHint', rate: f.response, color: '#1677ff', icon: <CustomerServiceOutlined />, spark: spark('response') },
              { title: 'dbResolution', hint: 'dbResolutionHint', rate: f.resolution, color: '#389e0d', icon: <CheckCircleOutlined />, spark: spark('resolution') },
              { title: 'dbSatisfaction', hint: 'dbSatisfactionHint', rate: f.satisfaction, color: '#fa8c16', icon: <LikeOutlined />, spark: spark('satisfaction') },
              { title: 'dbClosedLoop', hint: 'dbClosedLoopHint', rate: f.closedLoop, color: '#c8161d', icon: <SyncOutlined />, spark: spark('closedLoop') },
            ] as const).map((k) => <Col key={k.title} xs={24} sm={12} xl={6}><KpiCard {...k} /></Col>)}
          </Row>

          {f && (
            <div className="db-tiles">
              <Tile title="dbAccepted" value={f.accepted} tip="dbAcceptedHint" />
              <Tile title="dbOnTime" value={f.onTime} tip="dbOnTimeHint" />
              <Tile title="dbOverdue" value={f.overdue} tone="danger" tip="dbOverdueHint" />
              <Tile title="dbSupervised" value={f.supervised} tone="warning" />
              <Tile title="dbReturns" value={f.returns} tone="warning" tip="dbReturnsHint" />
              <Tile title="dbExtensions" value={f.extensions} tip="dbExtensionsHint" />
              <Tile title="dbReopens" value={f.reopens} tone="warning" tip="dbReopensHint" />
              <Tile title="dbDirect" value={f.direct} tip="dbDirectHint" />
            </div>
          )}

          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}><TrendCard trend={trend.data} bucket={bucket} onBucket={setBucket} loading={trend.loading} /></Col>
            <Col xs={24} xl={8}><ChannelCard overview={overview.data} /></Col>
          </Row>

          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col span={24}><RankingCard ranking={ranking.data} group={group} onGroup={setGroup} loading={ranking.loading} /></Col>
          </Row>

          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}><HotCard hot={hot.data} loading={hot.loading} /></Col>
            <Col xs={24} xl={12}><GroupsCard overview={overview.data} /></Col>
          </Row>
          <Typography.Paragraph type="secondary" className="db-footnote">{t('dbFootnote')}</Typography.Paragraph>
        </>
      )}
    </div>
  );
}
