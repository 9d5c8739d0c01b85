/** The dashboard's figures: the four headline rates as big numbers, and the counts beside them. Every number opens its tickets. */
import { Card, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { Drill } from './Drill';
import { EChart, type ChartOption } from './EChart';
import { num, pct } from './format';
import type { Count, Rate } from './statsTypes';

function sparkline(values: Array<number | null>, color: string): ChartOption {
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 4, bottom: 0 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, i) => i) },
    yAxis: { type: 'value', show: false, min: 0, max: 1 },
    series: [{
      type: 'line', data: values, smooth: true, symbol: 'none', connectNulls: true,
      lineStyle: { color, width: 2 }, areaStyle: { color, opacity: 0.12 },
    }],
  };
}

export interface KpiProps {
  title: MessageKey;
  hint: MessageKey;
  rate: Rate;
  color: string;
  icon: ReactNode;
  spark: Array<number | null>;
}

/** 响应率 / 解决率 / 满意率 / 闭环率: the rate, its numerator and denominator, the misses, a sparkline of the period. */
export function KpiCard({ title, hint, rate, color, icon, spark }: KpiProps) {
  const { t, lang } = useI18n();
  const misses = rate.denominator - rate.numerator;
  return (
    <Card className="db-kpi" style={{ borderTopColor: color }} styles={{ body: { padding: '16px 20px 12px' } }}>
      <div className="db-kpi-head">
        <span className="db-kpi-icon" style={{ color, background: `${color}14` }}>{icon}</span>
        <Tooltip title={t(hint)}><span className="db-kpi-title">{t(title)}</span></Tooltip>
      </div>
      <Drill filter={rate.filter} title={t('dbDrillAll')}>
        <span className="db-kpi-value" style={{ color }} data-testid={`kpi-${title}`}>{pct(rate.rate)}</span>
      </Drill>
      <div className="db-kpi-foot">
        <Typography.Text type="secondary">{num(rate.numerator, lang)} / {num(rate.denominator, lang)}</Typography.Text>
        {misses > 0 && rate.missFilter
          ? <Drill filter={rate.missFilter} title={t('dbDrillMisses')}><span className="db-kpi-miss">{t('dbMisses', { n: num(misses, lang) })}</span></Drill>
          : <Typography.Text type="secondary">{rate.denominator === 0 ? t('dbNoData') : t('dbNoMisses')}</Typography.Text>}
      </div>
      <div className="db-kpi-spark"><EChart option={sparkline(spark, color)} height={36} label={t(title)} /></div>
    </Card>
  );
}

export interface TileProps { title: MessageKey; value: Count | Rate | null; tone?: 'danger' | 'warning' | 'normal'; tip?: MessageKey }

/** A count (or a rate shown as a share) in the strip under the headline rates. */
export function Tile({ title, value, tone = 'normal', tip }: TileProps) {
  const { t, lang } = useI18n();
  if (!value) return null;
  const isRate = 'rate' in value;
  const shown = isRate ? pct(value.rate) : num(value.value, lang);
  const n = isRate ? value.numerator : value.value;
  const color = n > 0 && tone === 'danger' ? '#cf1322' : n > 0 && tone === 'warning' ? '#d48806' : undefined;
  return (
    <div className="db-tile">
      <Tooltip title={tip ? t(tip) : undefined}><div className="db-tile-title">{t(title)}</div></Tooltip>
      <Drill filter={value.filter} title={t('dbDrillAll')}>
        <span className="db-tile-value" style={{ color }}>{shown}</span>
      </Drill>
      {isRate && <div className="db-tile-sub">{num(value.numerator, lang)} / {num(value.denominator, lang)}</div>}
    </div>
  );
}
