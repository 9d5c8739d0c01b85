/**
 * 接口令牌: credentials for integrations. The admin's own API tokens (Bearer, acting as the admin) and the
 * Open311 api_keys outside systems file tickets with. A secret is shown once, when it is made.
 */
import { ApiOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, DatePicker, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { shanghai, type ApiToken, type Open311Key } from '../common';
import { FormModal } from '../FormModal';
import { useAction } from '../useAction';

type Creating = 'token' | 'open311' | null;

export function TokensPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const tokens = useAsync(() => call(api.GET('/api/v1/auth/tokens')), []);
  const keys = useAsync(() => call(api.GET('/api/v1/open311/keys')), []);
  const [creating, setCreating] = useState<Creating>(null);
  const actTokens = useAction(tokens.reload);
  const actKeys = useAction(keys.reload);
  const origin = window.location.origin;

  const reveal = (title: string, secret: string, usage: string) => modal.success({
    title, width: 620, okText: t('admSecretSaved'),
    content: (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('admSecretOnce')} />
        <Typography.Paragraph copyable={{ text: secret }} code style={{ fontSize: 15, wordBreak: 'break-all', margin: 0 }} data-testid="secret">{secret}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('admSecretUsage')}</Typography.Text>
        <pre style={{ background: '#fafafa', padding: 8, borderRadius: 6, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>{usage}</pre>
      </Space>
    ),
  });

  const createToken = async (v: { name: string; expiresAt?: Dayjs | null }) => {
    const created = await call(api.POST('/api/v1/auth/tokens', { body: { name: v.name.trim(), expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : undefined } }));
    tokens.reload();
    reveal(t('admTokenCreated'), created.token, `curl -H "Authorization: Bearer ${created.token}" ${origin}/api/v1/tickets`);
  };
  const createKey = async (v: { name: string }) => {
    const created = await call(api.POST('/api/v1/open311/keys', { body: { name: v.name.trim() } }));
    keys.reload();
    reveal(t('admKeyCreated'), created.key, `curl ${origin}/open311/v2/services.json\ncurl -X POST ${origin}/open311/v2/requests.json -d api_key=${created.key} -d service_code=… -d description=…`);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Space><KeyOutlined />{t('admTokens')}</Space>}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('token')}>{t('admTokenNew')}</Button>}>
        <Typography.Paragraph type="secondary">{t('admTokensHint')}</Typography.Paragraph>
        {tokens.error && !tokens.data ? <LoadError error={tokens.error} onRetry={tokens.reload} /> : (
          <Table<ApiToken> rowKey="id" size="middle" loading={tokens.loading} dataSource={tokens.data ?? []} pagination={false}
            locale={{ emptyText: t('admTokensEmpty') }}
            columns={[
              { title: t('admTokenName'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
              { title: t('admCreatedAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => shanghai(at) },
              { title: t('admTokenExpires'), dataIndex: 'expiresAt', width: 160, render: (at: string | null) => (at ? shanghai(at) : t('admTokenNever')) },
              { title: t('admTokenLastUsed'), dataIndex: 'lastUsedAt', width: 160, render: (at: string | null) => (at ? shanghai(at) : t('admTokenUnused')) },
              {
                title: t('admActions'), key: 'a', width: 100,
                render: (_, tk) => (
                  <Popconfirm title={t('admRevokeConfirm')} description={t('admRevokeHint')} okText={t('admRevoke')} cancelText={t('cancel')} okButtonProps={{ danger: true }}
                    onConfirm={() => actTokens(() => call(api.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id: tk.id } } })), t('admRevoked'))}>
                    <Button type="link" size="small" danger>{t('admRevoke')}</Button>
                  </Popconfirm>
                ),
              },
            ]} />
        )}
      </Card>
      <Card title={<Space><ApiOutlined />{t('admOpen311Keys')}</Space>}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('open311')}>{t('admKeyNew')}</Button>}>
        <Typography.Paragraph type="secondary">{t('admOpen311Hint')} <Typography.Text code>{origin}/open311/v2/</Typography.Text></Typography.Paragraph>
        {keys.error && !keys.data ? <LoadError error={keys.error} onRetry={keys.reload} /> : (
          <Table<Open311Key> rowKey="id" size="middle" loading={keys.loading} dataSource={keys.data ?? []} pagination={false}
            locale={{ emptyText: t('admKeysEmpty') }}
            columns={[
              { title: t('admKeyName'), dataIndex: 'name' },
              { title: t('admCreatedBy'), dataIndex: 'createdBy', width: 140, render: (b: string | null) => b ?? '—' },
              { title: t('admCreatedAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => shanghai(at) },
              { title: t('admStatus'), dataIndex: 'revokedAt', width: 200, render: (at: string | null) => (at ? <Badge status="default" text={t('admRevokedAt', { at: shanghai(at) })} /> : <Badge status="success" text={t('admActive')} />) },
              {
                title: t('admActions'), key: 'a', width: 100,
                render: (_, k) => !k.revokedAt && (
                  <Popconfirm title={t('admRevokeConfirm')} description={t('admKeyRevokeHint')} okText={t('admRevoke')} cancelText={t('cancel')} okButtonProps={{ danger: true }}
                    onConfirm={() => actKeys(() => call(api.DELETE('/api/v1/open311/keys/{id}', { params: { path: { id: k.id } } })), t('admRevoked'))}>
                    <Button type="link" size="small" danger>{t('admRevoke')}</Button>
                  </Popconfirm>
                ),
              },
            ]} />
        )}
      </Card>
      <FormModal<{ name: string; expiresAt?: Dayjs | null }> open={creating === 'token'} title={t('admTokenNew')} okText={t('admCreate')}
        onClose={() => setCreating(null)} onSubmit={createToken} width={480}>
        <Form.Item name="name" label={t('admTokenName')} extra={t('admTokenNameHint')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('admTokenExpires')} extra={t('admTokenExpiresHint')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(new Date(), 'day')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ name: string }> open={creating === 'open311'} title={t('admKeyNew')} okText={t('admCreate')}
        onClose={() => setCreating(null)} onSubmit={createKey} width={480}>
        <Form.Item name="name" label={t('admKeyName')} extra={t('admKeyNameHint')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
