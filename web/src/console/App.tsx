import { Button, Result } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { Loading } from './components/PageState';
import { useI18n } from './i18n';
import { allPages, canSee, startPage } from './nav';
import { LoginPage } from './pages/LoginPage';
import { Shell } from './Shell';
import './pages';

function Guarded({ roles, children }: { roles: Parameters<typeof canSee>[0]['roles']; children: React.ReactNode }) {
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!me) return null;
  if (!canSee({ roles }, me.roles)) {
    return <Result status="403" title="403" subTitle={t('forbidden')} extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />;
  }
  return <>{children}</>;
}

export function App() {
  const { me, ready } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!me && location.pathname !== '/login') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={me ? <Navigate to={startPage(me.roles)} replace /> : <Navigate to="/login" replace />} />
      {allPages().map((p) => (
        <Route key={p.path} path={p.path} element={<Shell><Guarded roles={p.roles}>{p.element}</Guarded></Shell>} />
      ))}
      <Route path="*" element={<Shell><Result status="404" title="404" subTitle={t('notFound')} /></Shell>} />
    </Routes>
  );
}
