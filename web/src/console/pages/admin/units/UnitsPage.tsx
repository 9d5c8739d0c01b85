/** 组织机构: the three-level chart (district departments, towns and streets, villages and communities). */
import { ApartmentOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, call } from '../../../../api/client';
import { LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit } from '../common';
import { allKeys, buildUnitTree, filterUnitTree, type UnitNode } from '../unitTree';
import { useAction } from '../useAction';
import { UnitFormModal, type UnitDialog } from './UnitFormModal';

export function UnitsPage() {
  const { t, lang } = useI18n();
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<UnitDialog | null>(null);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const units = useAsync(() => call(api.GET('/api/v1/units', { params: { query: { includeInactive: true } } })), []);
  const act = useAction(units.reload);

  const all = useMemo(() => units.data ?? [], [units.data]);
  const tree = useMemo(() => buildUnitTree(showInactive ? all : all.filter((u) => u.active)), [all, showInactive]);
  const shown = useMemo(() => filterUnitTree(tree, search), [tree, search]);
  const expanded = useMemo(() => allKeys(shown).filter((k) => !collapsed.has(k)), [shown, collapsed]);
  const counts = useMemo(() => UNIT_KINDS.map((k) => ({ k, n: all.filter((u) => u.active && u.kind === k).length })).filter((c) => c.n > 0), [all]);

  const setActive = (u: Unit, active: boolean) => act(
    () => call(api.PATCH('/api/v1/units/{id}', { params: { path: { id: u.id } }, body: { version: u.version, active } })),
    active ? t('admUnitActivated', { name: u.name }) : t('admUnitDeactivated', { name: u.name }),
  );

  if (units.error && !units.data) return <LoadError error={units.error} onRetry={units.reload} />;
  return (
    <Card title={<Space><ApartmentOutlined />{t('menuUnits')}</Space>}
      extra={<Space wrap>
        <Input allowClear prefix={<SearchOutlined />} placeholder={t('admUnitSearch')} aria-label={t('admUnitSearch')} value={search}
          onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} />
        <Space size={6}><Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label={t('admShowInactive')} />{t('admShowInactive')}</Space>
        <Tooltip title={t('admReload')}><Button icon={<ReloadOutlined />} onClick={units.reload} aria-label={t('admReload')} /></Tooltip>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: null })}>{t('admUnitNew')}</Button>
      </Space>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('admUnitCount', { n: all.filter((u) => u.active).length })}</Typography.Text>
        {counts.map((c) => <Tag key={c.k}>{UNIT_KIND_LABELS[c.k][lang]} {c.n}</Tag>)}
      </Space>
      <Table<UnitNode> rowKey="id" size="middle" loading={units.loading} dataSource={shown} pagination={false}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, row) => setCollapsed((s) => { const n = new Set(s); if (open) n.delete(row.id); else n.add(row.id); return n; }),
        }}
        columns={[
          {
            title: t('admUnitName'), dataIndex: 'name',
            render: (_, u) => (
              <Space size={6}>
                <Typography.Text strong={u.depth <= 1} type={u.active ? undefined : 'secondary'} delete={!u.active}>{u.name}</Typography.Text>
                {!u.active && <Tag>{t('admInactive')}</Tag>}
              </Space>
            ),
          },
          { title: t('admUnitCode'), dataIndex: 'code', width: 140, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: t('admUnitKind'), dataIndex: 'kind', width: 110, render: (k: Unit['kind']) => <Tag color={k === 'department' ? 'blue' : k === 'district' ? 'red' : k === 'town' || k === 'street' ? 'green' : 'default'}>{UNIT_KIND_LABELS[k][lang]}</Tag> },
          { title: t('admUnitPhone'), dataIndex: 'phone', width: 150, render: (p: string | null) => p || '—' },
          { title: t('admSortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
          {
            title: t('admActions'), key: 'actions', width: 300,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', unit: u })}>{t('admEdit')}</Button>
                {u.active && <Button type="link" size="small" onClick={() => setDialog({ mode: 'create', parent: u })}>{t('admUnitAddChild')}</Button>}
                {u.active && <Button type="link" size="small" onClick={() => setDialog({ mode: 'move', unit: u })}>{t('admUnitMove')}</Button>}
                {u.active
                  ? <Popconfirm title={t('admUnitDeactivateConfirm', { name: u.name })} description={t('admUnitDeactivateHint')}
                      okText={t('admDeactivate')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => setActive(u, false)}>
                      <Button type="link" size="small" danger>{t('admDeactivate')}</Button>
                    </Popconfirm>
                  : <Button type="link" size="small" onClick={() => setActive(u, true)}>{t('admActivate')}</Button>}
              </Space>
            ),
          },
        ]} />
      <UnitFormModal dialog={dialog} units={all} onClose={() => setDialog(null)} onSaved={units.reload} />
    </Card>
  );
}
