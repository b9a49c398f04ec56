import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '@/components/ui/spinner';
import { showToast } from '@/components/ui/toasts';
import { LOGGED_OUT, LogoutButton } from '@/features/auth/components/logout-button';
import { useAuthStore } from '@/lib/auth';

/** The owner's pages: signed in only, under one header. */
export function AppRoot() {
  const status = useAuthStore((s) => s.status);
  const owner = useAuthStore((s) => s.owner);
  const navigate = useNavigate();
  const location = useLocation();
  if (status === 'restoring') return <Loading />;
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <div className="app-shell">
      <header className="app-header">
        <Link to="/" className="brand-mark small-brand">
          <span className="brand-logo" aria-hidden="true">
            KT
          </span>
          <span>이벤트</span>
        </Link>
        <div className="header-right">
          <span className="store-name" title={owner?.store.name}>
            {owner?.store.name}
          </span>
          <LogoutButton
            onLoggedOut={() => {
              showToast(LOGGED_OUT);
              navigate('/login', { replace: true });
            }}
          />
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
