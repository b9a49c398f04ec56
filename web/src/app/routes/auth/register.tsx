import { Link, useNavigate } from 'react-router';
import { showToast } from '@/components/ui/toasts';
import { RegisterForm } from '@/features/auth/components/register-form';

export const REGISTERED = '회원가입이 완료되었습니다';

export function RegisterRoute() {
  const navigate = useNavigate();
  return (
    <div className="auth-card stack">
      <div>
        <h1 className="page-title">회원가입</h1>
        <p className="muted">사업자번호 확인 후 바로 이벤트를 만들 수 있어요.</p>
      </div>
      <RegisterForm
        onSuccess={() => {
          showToast(REGISTERED);
          navigate('/', { replace: true });
        }}
      />
      <p className="center muted small">
        이미 계정이 있으신가요? <Link to="/login">로그인</Link>
      </p>
    </div>
  );
}
