/** The local decisions that win over the year schedules, newest first. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import { DAY_KIND_LABELS, shanghai, type CalendarOverview, type DayKind } from '../common';
import { useAction } from '../useAction';

type Override = CalendarOverview['overrides'][number];

export function OverridesCard({ overrides, version, onAdd, onEdit, onChanged }: {
  overrides: Override[]; version: number; onAdd(): void; onEdit(o: { date: string; kind: DayKind; name: string }): void; onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const act = useAction(onChanged);
  const remove = (date: string) => act(
    () => call(api.DELETE('/api/v1/calendar/overrides/{date}', { params: { path: { date }, query: { version } } })),
    t('admCalOverrideRemoved', { date }),
  );
  return (
    <Card title={t('admCalOverrides')} extra={<Button icon={<PlusOutlined />} onClick={onAdd}>{t('admCalOverrideNew')}</Button>} style={{ height: '100%' }}>
      <Table size="small" rowKey="date" dataSource={[...overrides].sort((a, b) => b.date.localeCompare(a.date))} pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: t('admCalNoOverrides') }}
        columns={[
          { title: t('admCalDate'), dataIndex: 'date', width: 110 },
          { title: t('admCalKind'), dataIndex: 'kind', width: 110, render: (k: DayKind) => <Tag color={DAY_KIND_LABELS[k].color}>{DAY_KIND_LABELS[k][lang]}</Tag> },
          {
            title: t('admCalOverrideName'), dataIndex: 'name',
            render: (name: string, o) => <Space orientation="vertical" size={0}><span>{name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('admCalSetAt')} {shanghai(o.createdAt)}</Typography.Text></Space>,
          },
          {
            title: t('admActions'), key: 'a', width: 120,
            render: (_, o) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onEdit(o)}>{t('admEdit')}</Button>
                <Popconfirm title={t('admCalOverrideRemoveConfirm', { date: o.date })} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => remove(o.date)}>
                  <Button type="link" size="small" danger>{t('admRemove')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]} />
    </Card>
  );
}
