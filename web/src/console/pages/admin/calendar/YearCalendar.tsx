/**
 * A year by month, as an admin checks it against the State Council notice: holidays, make-up working
 * days (调休) and local overrides marked, each month's working days counted. A click sets an override.
 */
import { Alert, Col, Row, Space, Tooltip, Typography } from 'antd';
import { api, call } from '../../../../api/client';
import { Loading, LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { DAY_KIND_LABELS, type DayKind, type YearView } from '../common';

type Special = YearView['months'][number]['days'][number];

const STYLE: Record<DayKind, { background: string; color: string }> = {
  workday: { background: '#fff', color: '#1f1f1f' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#a8071a' },
  adjusted_workday: { background: '#fff7e6', color: '#ad4e00' },
};
const MARK: Partial<Record<DayKind, { zh: string; en: string }>> = { holiday: { zh: '休', en: 'off' }, adjusted_workday: { zh: '班', en: 'work' } };
const WEEK_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEK_EN = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

const pad = (n: number) => String(n).padStart(2, '0');

export function YearCalendar({ year, version, onPick }: { year: number; version: number; onPick(date: string, current: { kind: DayKind; name: string } | undefined): void }) {
  const { t } = useI18n();
  const view = useAsync(() => call(api.GET('/api/v1/calendar/years/{year}', { params: { path: { year } } })), [year, version]);
  if (view.error) return <LoadError error={view.error} onRetry={view.reload} />;
  if (!view.data || view.data.year !== year) return <Loading />;
  const data = view.data;
  const holidays = data.months.flatMap((m) => m.days).filter((d) => d.kind === 'holiday');
  const adjusted = data.months.flatMap((m) => m.days).filter((d) => d.kind === 'adjusted_workday');
  return (
    <>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('admCalWorkingDaysYear', { n: data.workingDays })}</Typography.Text>
        <Typography.Text type="secondary">{t('admCalHolidayCount', { n: holidays.length })}</Typography.Text>
        <Typography.Text type="secondary">{t('admCalAdjustedCount', { n: adjusted.length })}</Typography.Text>
        <Legend />
      </Space>
      {holidays.length === 0 && <Alert type="warning" showIcon title={t('admCalNoHolidays')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {data.months.map((m) => (
          <Col key={m.month} xs={24} sm={12} lg={8} xxl={6}>
            <Month year={year} month={m.month} workingDays={m.workingDays} specials={m.days} onPick={onPick} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function Month({ year, month, workingDays, specials, onPick }: { year: number; month: number; workingDays: number; specials: Special[]; onPick(date: string, current: { kind: DayKind; name: string } | undefined): void }) {
  const { t, lang } = useI18n();
  const byDate = new Map(specials.map((d) => [d.date, d]));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Monday-first weeks, as Chinese wall calendars print them.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<number | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  const monthName = lang === 'zh' ? `${month}月` : new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return (
    <section aria-label={`${year} ${monthName}`} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', marginBottom: 6 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>{monthName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('admCalWorkingDaysMonth', { n: workingDays })}</Typography.Text>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {(lang === 'zh' ? WEEK_ZH : WEEK_EN).map((w, i) => (
          <div key={w} aria-hidden style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#8c8c8c' : '#595959', padding: '2px 0' }}>{w}</div>
        ))}
        {cells.map((day, i) => {
          if (day === null) return <div key={`e${i}`} />;
          const date = `${year}-${pad(month)}-${pad(day)}`;
          const special = byDate.get(date);
          const weekend = i % 7 >= 5;
          const kind: DayKind = special?.kind ?? (weekend ? 'weekend' : 'workday');
          const mark = MARK[kind];
          const label = `${date} ${DAY_KIND_LABELS[kind][lang]}${special?.name ? ` · ${special.name}` : ''}${special?.override ? ` · ${t('admCalOverride')}` : ''}`;
          return (
            <Tooltip key={date} title={label} mouseEnterDelay={0.3}>
              <button type="button" aria-label={label} data-date={date} data-kind={kind}
                onClick={() => onPick(date, special ? { kind: special.kind, name: special.name } : undefined)}
                style={{
                  position: 'relative', height: 32, borderRadius: 4, cursor: 'pointer', fontSize: 13, padding: 0,
                  background: STYLE[kind].background, color: STYLE[kind].color, fontWeight: mark ? 600 : 400,
                  border: special?.override ? '2px dashed #1677ff' : '1px solid transparent',
                }}>
                {day}
                {mark && <span aria-hidden style={{ position: 'absolute', top: 0, right: 2, fontSize: 9, lineHeight: '11px' }}>{mark[lang]}</span>}
              </button>
            </Tooltip>
          );
        })}
      </div>
    </section>
  );
}

function Legend() {
  const { t, lang } = useI18n();
  return (
    <Space size="middle" wrap aria-label={t('admCalLegend')}>
      {(['holiday', 'adjusted_workday', 'weekend'] as DayKind[]).map((k) => (
        <Space key={k} size={4}>
          <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: STYLE[k].background, border: `1px solid ${STYLE[k].color}` }} />
          <Typography.Text type="secondary">{DAY_KIND_LABELS[k][lang]}</Typography.Text>
        </Space>
      ))}
      <Space size={4}>
        <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, border: '2px dashed #1677ff' }} />
        <Typography.Text type="secondary">{t('admCalOverride')}</Typography.Text>
      </Space>
    </Space>
  );
}
