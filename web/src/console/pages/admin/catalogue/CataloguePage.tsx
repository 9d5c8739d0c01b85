/**
 * 事项清单: the services requests are classified into, by group, with the time limits units are measured
 * against. Every change is a new version in force from its instant, so past tickets keep their limits.
 */
import { DownloadOutlined, PlusOutlined, ProfileOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Input, Menu, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, call } from '../../../../api/client';
import { LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { limitText, shanghai, type ServiceVersion } from '../common';
import { ImportModal } from './ImportModal';
import { ServiceDrawer } from './ServiceDrawer';
import { VersionFormModal } from './VersionFormModal';

const ALL = '';

export function CataloguePage() {
  const { t, lang } = useI18n();
  const [group, setGroup] = useState(ALL);
  const [q, setQ] = useState('');
  const [text, setText] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const groups = useAsync(() => call(api.GET('/api/v1/services/groups')), []);
  const services = useAsync(() => call(api.GET('/api/v1/services', {
    params: { query: { group: group || undefined, q: q || undefined, includeInactive } },
  })), [group, q, includeInactive]);
  const units = useAsync(() => call(api.GET('/api/v1/units')), []);
  const total = useMemo(() => (groups.data ?? []).reduce((n, g) => n + g.count, 0), [groups.data]);
  const reload = () => { services.reload(); groups.reload(); };

  if (services.error && !services.data) return <LoadError error={services.error} onRetry={reload} />;
  return (
    <Card title={<Space><ProfileOutlined />{t('menuCatalogue')}</Space>}
      extra={<Space wrap>
        <Button icon={<DownloadOutlined />} href="/api/v1/catalogue/export.xlsx" download>{t('admCatExport')}</Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('admCatImport')}</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('admCatNew')}</Button>
      </Space>}>
      <Row gutter={20} wrap={false}>
        <Col flex="220px">
          <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px 12px' }}>{t('admCatGroups')}</Typography.Text>
          <Menu mode="inline" selectedKeys={[group]} onClick={({ key }) => setGroup(key)} style={{ borderInlineEnd: 'none' }}
            items={[{ key: ALL, label: t('admCatAllGroups'), extra: total },
              ...(groups.data ?? []).map((g) => ({ key: g.name, label: g.name, extra: g.count }))]} />
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search allowClear placeholder={t('admCatSearch')} aria-label={t('admCatSearch')} value={text} style={{ width: 300 }}
              onChange={(e) => setText(e.target.value)} onSearch={(v) => setQ(v.trim())} />
            <Space size={6}><Switch size="small" checked={includeInactive} onChange={setIncludeInactive} aria-label={t('admCatShowInactive')} />{t('admCatShowInactive')}</Space>
          </Space>
          <Table<ServiceVersion> rowKey="id" size="middle" loading={services.loading} dataSource={services.data ?? []}
            pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => t('admTotal', { n }) }}
            onRow={(s) => ({ onClick: () => setOpenId(s.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('admCatCode'), dataIndex: 'code', width: 130, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
              {
                title: t('admCatName'), dataIndex: 'name',
                render: (_, s) => (
                  <Space orientation="vertical" size={0}>
                    <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={(e) => { e.stopPropagation(); setOpenId(s.id); }}>{s.name}</Button>
                    {group === ALL && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.groupName}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('admCatUnit'), dataIndex: 'unitName' },
              { title: t('admCatResolve'), key: 'resolve', width: 140, render: (_, s) => limitText(s.limits.resolve, lang) },
              {
                title: t('admCatVersion'), key: 'version', width: 170,
                render: (_, s) => <Space size={4}><Tag>v{s.version}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{shanghai(s.effectiveFrom, false)}</Typography.Text></Space>,
              },
              { title: t('admStatus'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Badge status="success" text={t('admCatInForce')} /> : <Badge status="default" text={t('admCatWithdrawn')} />) },
            ]} />
        </Col>
      </Row>
      <ServiceDrawer serviceId={openId} units={units.data ?? []} onClose={() => setOpenId(null)} onChanged={reload} />
      <VersionFormModal open={creating} mode={{ kind: 'create' }} units={units.data ?? []} onClose={() => setCreating(false)} onSaved={reload} />
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={reload} />
    </Card>
  );
}
