import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useToastStore } from '@/components/ui/toasts';
import { useAuthStore } from '@/lib/auth';

afterEach(() => {
  cleanup();
  localStorage.clear();
  useAuthStore.setState({ status: 'signedOut', accessToken: null, refreshToken: null, keepSignedIn: false, owner: null });
  useToastStore.setState({ toasts: [] });
});
