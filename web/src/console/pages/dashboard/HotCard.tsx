/** 热点诉求: the services with the most tickets, their growth against the previous period, and the fastest risers. */
import { ArrowDownOutlined, ArrowUpOutlined, FireFilled } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { Drill } from './Drill';
import { lastDay } from './drill';
import { num, pct } from './format';
import type { Hot, HotService } from './statsTypes';

function Growth({ s }: { s: HotService }) {
  const { t } = useI18n();
  if (s.growth === null) return <Tag color="red" bordered={false}>{t('dbNew')}</Tag>;
  if (s.change === 0) return <Typography.Text type="secondary">{t('dbFlat')}</Typography.Text>;
  const up = s.change > 0;
  return (
    <Typography.Text style={{ color: up ? '#cf1322' : '#389e0d', fontSize: 12 }}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {pct(Math.abs(s.growth), 0)}
    </Typography.Text>
  );
}

export function HotCard({ hot, loading }: { hot: Hot | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  const top = hot?.top ?? [];
  const max = Math.max(1, ...top.map((s) => s.current));
  return (
    <Card className="db-card" loading={loading && !hot} title={<span><FireFilled style={{ color: '#fa541c' }} /> {t('dbHot')}</span>}
      extra={hot && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dbHotVs', { from: hot.previous.from, to: lastDay(hot.previous.to) })}</Typography.Text>}>
      {top.length === 0 ? <div className="db-empty">{t('dbNoTickets')}</div> : (
        <ol className="db-hot">
          {top.map((s, i) => (
            <li key={s.serviceId}>
              <span className={`db-hot-rank${i < 3 ? ' db-hot-rank-top' : ''}`}>{i + 1}</span>
              <div className="db-hot-body">
                <div className="db-hot-line">
                  <Drill filter={s.filter} title={`${s.group} · ${t('dbDrillAll')}`}><span className="db-hot-name">{s.name}</span></Drill>
                  <span className="db-hot-count">{num(s.current, lang)}</span>
                  <span className="db-hot-growth"><Growth s={s} /></span>
                </div>
                <div className="db-hot-bar"><div style={{ width: `${(100 * s.current) / max}%` }} /></div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {hot && hot.rising.length > 0 && (
        <div className="db-rising">
          <Typography.Text type="secondary">{t('dbRising')}</Typography.Text>
          {hot.rising.map((s) => (
            <Drill key={s.serviceId} filter={s.filter}><Tag color="volcano" bordered={false}>{s.name} +{s.change}</Tag></Drill>
          ))}
        </div>
      )}
    </Card>
  );
}
