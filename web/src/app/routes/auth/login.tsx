import { Link, useNavigate } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';

export function LoginRoute() {
  const navigate = useNavigate();
  return (
    <div className="auth-card stack">
      <div>
        <h1 className="page-title">로그인</h1>
        <p className="muted">매장 이벤트를 AI와 함께 간편하게 만들어보세요.</p>
      </div>
      <LoginForm onSuccess={() => navigate('/', { replace: true })} />
      <p className="center muted small">
        아직 회원이 아니신가요? <Link to="/register">회원가입</Link>
      </p>
    </div>
  );
}
