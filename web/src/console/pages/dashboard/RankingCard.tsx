/** 单位排名: departments and towns ranked by the weighted composite; every cell opens the tickets behind it. */
import { TrophyFilled } from '@ant-design/icons';
import { Card, Progress, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../i18n';
import { Drill } from './Drill';
import { num, pct, rateColor } from './format';
import type { Rate, Ranking, RankingRow } from './statsTypes';

export type RankGroup = 'departments' | 'towns';

const MEDALS = ['#d4a106', '#a6a6a6', '#c27c3a'];

function RateCell({ rate }: { rate: Rate }) {
  const { t, lang } = useI18n();
  if (rate.rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const misses = rate.denominator - rate.numerator;
  return (
    <Drill filter={misses > 0 ? rate.missFilter : rate.filter}
      title={`${num(rate.numerator, lang)} / ${num(rate.denominator, lang)}${misses > 0 ? ` · ${t('dbDrillMisses')}` : ''}`}>
      <span style={{ color: rateColor(rate.rate), fontVariantNumeric: 'tabular-nums' }}>{pct(rate.rate)}</span>
    </Drill>
  );
}

export function RankingCard({ ranking, group, onGroup, loading }: { ranking: Ranking | undefined; group: RankGroup; onGroup(g: RankGroup): void; loading: boolean }) {
  const { t, lang } = useI18n();
  const w = ranking?.weights;
  const columns: ColumnsType<RankingRow> = [
    {
      title: t('dbRank'), dataIndex: 'rank', width: 64, align: 'center',
      render: (r: number | null) => (r === null ? <Typography.Text type="secondary">—</Typography.Text>
        : r <= 3 ? <TrophyFilled style={{ color: MEDALS[r - 1], fontSize: 18 }} aria-label={String(r)} /> : <span className="db-rank">{r}</span>),
    },
    { title: t('dbUnit'), dataIndex: 'unitName', ellipsis: true, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('dbScore'), dataIndex: 'score', width: 170,
      render: (s: number | null) => (s === null ? <Typography.Text type="secondary">{t('dbNoData')}</Typography.Text> : (
        <div className="db-score"><span>{s.toFixed(1)}</span><Progress percent={s} showInfo={false} size="small" strokeColor={rateColor(s / 100)} /></div>
      )),
    },
    {
      title: t('dbAccepted'), key: 'accepted', width: 90, align: 'right',
      render: (_, r) => <Drill filter={r.figures.accepted.filter} title={t('dbDrillAll')}>{num(r.figures.accepted.value, lang)}</Drill>,
    },
    { title: t('dbResponse'), key: 'response', width: 96, align: 'right', render: (_, r) => <RateCell rate={r.figures.response} /> },
    { title: t('dbResolution'), key: 'resolution', width: 96, align: 'right', render: (_, r) => <RateCell rate={r.figures.resolution} /> },
    { title: t('dbSatisfaction'), key: 'satisfaction', width: 96, align: 'right', render: (_, r) => <RateCell rate={r.figures.satisfaction} /> },
    { title: t('dbOnTime'), key: 'onTime', width: 104, align: 'right', render: (_, r) => <RateCell rate={r.figures.onTime} /> },
    { title: t('dbClosedLoop'), key: 'closedLoop', width: 96, align: 'right', render: (_, r) => <RateCell rate={r.figures.closedLoop} /> },
    {
      title: t('dbOverdue'), key: 'overdue', width: 80, align: 'right',
      render: (_, r) => (r.figures.overdue.value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : (
        <Drill filter={r.figures.overdue.filter} title={t('dbDrillAll')}><span style={{ color: '#cf1322' }}>{num(r.figures.overdue.value, lang)}</span></Drill>
      )),
    },
  ];
  return (
    <Card className="db-card db-ranking" styles={{ body: { paddingTop: 0 } }}
      title={t('dbRanking')}
      extra={w && (
        <Tooltip title={t('dbWeightsTip')}>
          <Typography.Text type="secondary" className="db-weights">
            {t('dbWeights', { r: pct(w.response, 0), s: pct(w.resolution, 0), m: pct(w.satisfaction, 0), o: pct(w.onTime, 0) })}
          </Typography.Text>
        </Tooltip>
      )}>
      <Tabs activeKey={group} onChange={(k) => onGroup(k as RankGroup)}
        items={[{ key: 'departments', label: t('dbDepartments') }, { key: 'towns', label: t('dbTowns') }]} />
      <Table<RankingRow> rowKey="unitId" size="middle" columns={columns} dataSource={ranking?.rows ?? []} loading={loading}
        pagination={false} scroll={{ x: 1000 }} locale={{ emptyText: t('dbNoUnits') }} />
    </Card>
  );
}
