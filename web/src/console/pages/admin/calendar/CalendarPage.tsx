/**
 * 工作日历: the calendar every working-day deadline is counted on. A missing year is the one failure
 * that silently breaks deadlines, so its warning leads the page.
 */
import { CalendarOutlined, CloudDownloadOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Popconfirm, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, call } from '../../../../api/client';
import { Loading, LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { shanghai, type CalendarOverview } from '../common';
import { useAction } from '../useAction';
import { DeadlineCalculator } from './DeadlineCalculator';
import { OfficeHoursCard } from './OfficeHoursCard';
import { OverrideModal, type OverrideDraft } from './OverrideModal';
import { OverridesCard } from './OverridesCard';
import { YearCalendar } from './YearCalendar';
import { YearImportModal } from './YearImportModal';

const SOURCE_LABELS: Record<CalendarOverview['years'][number]['source'], { zh: string; en: string }> = {
  'chinese-days': { zh: '内置数据', en: 'Bundled data' },
  admin: { zh: '手工录入', en: 'Entered by hand' },
  import: { zh: '文件导入', en: 'Imported file' },
};

export function CalendarPage() {
  const { t, lang } = useI18n();
  const overview = useAsync(() => call(api.GET('/api/v1/calendar')), []);
  const [year, setYear] = useState<number | null>(null);
  const [importYear, setImportYear] = useState<number | null>(null);
  const [override, setOverride] = useState<OverrideDraft | null>(null);
  // The calculator re-counts whenever the calendar changes, so an override visibly moves deadlines.
  const version = overview.data?.version ?? 0;
  const act = useAction(overview.reload);

  const years = (overview.data?.years ?? []).map((y) => y.year).sort((a, b) => a - b);
  const thisYear = Number(shanghai(new Date().toISOString(), false).slice(0, 4));
  useEffect(() => {
    if (year === null && years.length > 0) setYear(years.includes(thisYear) ? thisYear : years[years.length - 1]!);
  }, [years, year, thisYear]);

  const loadFromPackage = (y: number) => act(
    () => call(api.PUT('/api/v1/calendar/years/{year}', { params: { path: { year: y } }, body: { source: 'chinese-days', version } })),
    t('admCalLoaded', { year: y }),
  );

  if (overview.error && !overview.data) return <LoadError error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const data = overview.data;
  const nextYear = Math.max(thisYear, ...years) + 1;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {data.warnings.map((w) => (
        <Alert key={w.year} type="error" showIcon role="alert" style={{ fontSize: 15 }}
          title={<strong>{t('admCalMissingTitle', { year: w.year })}</strong>}
          description={lang === 'en' ? w.message_en : w.message}
          action={<Space orientation="vertical">
            <Button type="primary" danger icon={<CloudDownloadOutlined />} onClick={() => loadFromPackage(w.year)}>{t('admCalLoadPackage', { year: w.year })}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImportYear(w.year)}>{t('admCalImportFile')}</Button>
          </Space>} />
      ))}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={<Space><CalendarOutlined />{t('admCalYears')}</Space>} style={{ height: '100%' }}
            extra={<Space wrap>
              <Tag>{t('admCalVersion', { version: data.version })}</Tag>
              <Popconfirm title={t('admCalLoadPackageConfirm', { year: nextYear })} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => loadFromPackage(nextYear)}>
                <Button icon={<CloudDownloadOutlined />}>{t('admCalLoadPackage', { year: nextYear })}</Button>
              </Popconfirm>
              <Button icon={<UploadOutlined />} onClick={() => setImportYear(nextYear)}>{t('admCalImportFile')}</Button>
            </Space>}>
            <Table size="small" rowKey="year" pagination={false} dataSource={[...data.years].sort((a, b) => b.year - a.year)}
              columns={[
                { title: t('admCalYear'), dataIndex: 'year', width: 80, render: (y: number) => <Typography.Text strong>{y}</Typography.Text> },
                { title: t('admCalSource'), dataIndex: 'source', render: (s: keyof typeof SOURCE_LABELS) => SOURCE_LABELS[s][lang] },
                { title: t('admCalDays'), dataIndex: 'dayCount', width: 110, align: 'right' },
                { title: t('admCalLoadedAt'), dataIndex: 'loadedAt', width: 150, render: (at: string) => shanghai(at) },
                {
                  title: t('admActions'), key: 'a', width: 200,
                  render: (_, y) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setYear(y.year)}>{t('admCalView')}</Button>
                      <Button type="link" size="small" icon={<DownloadOutlined />} href={`/api/v1/calendar/years/${y.year}/export`} download>{t('admCalExport')}</Button>
                      <Button type="link" size="small" onClick={() => setImportYear(y.year)}>{t('admCalReplace')}</Button>
                    </Space>
                  ),
                },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <OfficeHoursCard hours={data.officeHours} version={version} onSaved={overview.reload} />
        </Col>
      </Row>
      <Card title={t('admCalYearView')}
        extra={years.length > 0 && <Segmented options={years.map((y) => ({ value: y, label: String(y) }))} value={year ?? undefined} onChange={(v) => setYear(Number(v))} />}>
        {year !== null ? <YearCalendar year={year} version={version} onPick={(date, current) => setOverride({ date, ...current })} />
          : <Alert type="warning" showIcon title={t('admCalNoYears')} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <OverridesCard overrides={data.overrides} version={version} onAdd={() => setOverride({ date: null })} onEdit={(o) => setOverride(o)} onChanged={overview.reload} />
        </Col>
        <Col xs={24} xl={12}>
          <DeadlineCalculator calendarVersion={version} />
        </Col>
      </Row>
      <OverrideModal draft={override} version={version} onClose={() => setOverride(null)} onSaved={overview.reload} />
      <YearImportModal year={importYear} version={version} onClose={() => setImportYear(null)} onImported={(y) => { overview.reload(); setYear(y); }} />
    </Space>
  );
}
