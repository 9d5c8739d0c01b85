/** 用户与角色: who works in which unit with which roles; create, edit, deactivate, reset a password. */
import { PlusOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, call } from '../../../../api/client';
import { useAuth, type Role } from '../../../auth';
import { LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { ROLE_COLORS, ROLE_LABELS, ROLES, type User } from '../common';
import { buildUnitTree, unitOptions } from '../unitTree';
import { useAction } from '../useAction';
import { PasswordModal } from './PasswordModal';
import { UserFormModal, type UserDialog } from './UserFormModal';

interface Filters { q: string; unitId?: number; role?: Role; includeInactive: boolean }

export function UsersPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [filters, setFilters] = useState<Filters>({ q: '', includeInactive: false });
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const units = useAsync(() => call(api.GET('/api/v1/units', { params: { query: { includeInactive: true } } })), []);
  const users = useAsync(() => call(api.GET('/api/v1/users', {
    params: { query: { q: filters.q || undefined, unitId: filters.unitId, role: filters.role, includeInactive: filters.includeInactive } },
  })), [filters]);
  const act = useAction(users.reload);
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const unitFilterOptions = useMemo(() => unitOptions(unitTree, t('admInactiveMark'), () => false), [unitTree, t]);

  const setActive = (u: User, active: boolean) => act(
    () => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: u.id } }, body: { version: u.version, active } })),
    active ? t('admUserActivated', { name: u.displayName }) : t('admUserDeactivated', { name: u.displayName }),
  );

  if (users.error && !users.data) return <LoadError error={users.error} onRetry={users.reload} />;
  return (
    <Card title={<Space><TeamOutlined />{t('menuUsers')}</Space>}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>{t('admUserNew')}</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear enterButton={<SearchOutlined aria-hidden />} placeholder={t('admUserSearch')} aria-label={t('admUserSearch')}
          value={query} onChange={(e) => setQuery(e.target.value)} onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() }))} style={{ width: 260 }} />
        <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder={t('admFilterUnit')} aria-label={t('admFilterUnit')}
          treeData={unitFilterOptions} value={filters.unitId} onChange={(unitId?: number) => setFilters((f) => ({ ...f, unitId }))} style={{ width: 220 }} />
        <Select allowClear placeholder={t('admFilterRole')} aria-label={t('admFilterRole')} value={filters.role} style={{ width: 160 }}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} onChange={(role?: Role) => setFilters((f) => ({ ...f, role }))} />
        <Space size={6}>
          <Switch size="small" checked={filters.includeInactive} aria-label={t('admShowInactive')}
            onChange={(includeInactive) => setFilters((f) => ({ ...f, includeInactive }))} />
          {t('admShowInactive')}
        </Space>
      </Space>
      <Table<User> rowKey="id" size="middle" loading={users.loading} dataSource={users.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('admTotal', { n }) }}
        columns={[
          {
            title: t('admUserName'), dataIndex: 'displayName',
            render: (_, u) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong delete={!u.active}>{u.displayName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.username}</Typography.Text>
              </Space>
            ),
          },
          { title: t('admUserUnit'), dataIndex: 'unitName' },
          { title: t('admUserRoles'), dataIndex: 'roles', render: (roles: Role[]) => <Space size={[0, 4]} wrap>{roles.map((r) => <Tag key={r} color={ROLE_COLORS[r]}>{ROLE_LABELS[r][lang]}</Tag>)}</Space> },
          { title: t('admUserPhone'), dataIndex: 'phone', width: 140, render: (p: string | null) => p || '—' },
          { title: t('admStatus'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="success">{t('admActive')}</Tag> : <Tag>{t('admInactive')}</Tag>) },
          {
            title: t('admActions'), key: 'actions', width: 250,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', user: u })}>{t('admEdit')}</Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>{t('admUserResetPassword')}</Button>
                {u.active
                  ? <Popconfirm title={t('admUserDeactivateConfirm', { name: u.displayName })} description={t('admUserDeactivateHint')}
                      okText={t('admDeactivate')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => setActive(u, false)}
                      disabled={u.id === me?.id}>
                      <Button type="link" size="small" danger disabled={u.id === me?.id}>{t('admDeactivate')}</Button>
                    </Popconfirm>
                  : <Button type="link" size="small" onClick={() => setActive(u, true)}>{t('admActivate')}</Button>}
              </Space>
            ),
          },
        ]} />
      <UserFormModal dialog={dialog} units={units.data ?? []} onClose={() => setDialog(null)} onSaved={users.reload} />
      <PasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
