/** The console frame: side menu by role, the signed-in person, live status, notifications, language. */
import { ApiOutlined, LogoutOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { closeLive, useLiveStatus } from './live';
import { allPages, canSee } from './nav';
import { NotificationBell } from './NotificationBell';

export function Shell({ children }: { children: ReactNode }) {
  const { me, logout } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const live = useLiveStatus();
  const roles = me?.roles ?? [];
  const menuPages = allPages().filter((p) => p.menu && canSee(p, roles));
  const selected = menuPages.filter((p) => location.pathname.startsWith(p.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ color: '#fff', padding: '18px 20px 12px' }}>
          <div style={{ fontSize: 22, fontWeight: 700, letterSpacing: 2 }}>{t('appName')}</div>
          <div style={{ fontSize: 12, opacity: 0.65 }}>{t('appSubtitle')}</div>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []}
          items={menuPages.map((p) => ({ key: p.path, icon: p.menu!.icon, label: t(p.title) }))}
          onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
          <Space size="middle">
            <Tooltip title={live ? t('live') : t('offline')}><Badge status={live ? 'success' : 'default'} text={live ? t('live') : ''} /></Tooltip>
            <NotificationBell />
            <Typography.Text>{me?.displayName} · {me?.unitName}</Typography.Text>
            <Button type="link" href="/api/docs" target="_blank" icon={<ApiOutlined />}>{t('menuApiDocs')}</Button>
            <Button type="text" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={async () => { closeLive(); await logout(); navigate('/login'); }}>{t('logout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
