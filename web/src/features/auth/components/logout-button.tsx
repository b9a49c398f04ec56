import { useCallback, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useLogout } from '../api/logout';

export const LOGOUT_CONFIRM = '로그아웃 하시겠습니까?';
export const LOGGED_OUT = '안전하게 로그아웃되었습니다';

// UFR-USER-040: 취소 keeps the screen as it is; 확인 ends the session whatever the server says.
export function LogoutButton({ onLoggedOut }: { onLoggedOut: () => void }) {
  const [open, setOpen] = useState(false);
  const logoutMutation = useLogout();
  const cancel = useCallback(() => setOpen(false), []);
  return (
    <>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(true)}>
        로그아웃
      </button>
      <ConfirmDialog
        open={open}
        message={LOGOUT_CONFIRM}
        busy={logoutMutation.isPending}
        onCancel={cancel}
        // mutateAsync, not mutate's callbacks: signing out unmounts this button before they would run.
        onConfirm={() =>
          void logoutMutation
            .mutateAsync()
            .catch(() => undefined)
            .finally(() => {
              setOpen(false);
              onLoggedOut();
            })
        }
      />
    </>
  );
}
