import { Navigate, Outlet } from 'react-router';
import { Loading } from '@/components/ui/spinner';
import { useAuthStore } from '@/lib/auth';

/** Sign-in and sign-up: a signed-in owner goes straight to the dashboard. */
export function AuthLayout() {
  const status = useAuthStore((s) => s.status);
  if (status === 'restoring') return <Loading />;
  if (status === 'signedIn') return <Navigate to="/" replace />;
  return (
    <main className="auth-page">
      <div className="brand-mark">
        <span className="brand-logo" aria-hidden="true">
          KT
        </span>
        <span>이벤트 마케팅</span>
      </div>
      <Outlet />
    </main>
  );
}
