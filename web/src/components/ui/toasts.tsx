import { create } from 'zustand';

type Toast = { id: number; message: string; tone: 'success' | 'info' | 'error' };

type ToastState = { toasts: Toast[] };

export const useToastStore = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;

/** Shows a short message at the top of the screen; it survives navigation (the host lives in the providers). */
export function showToast(message: string, tone: Toast['tone'] = 'success', ms = 4000): void {
  const id = nextId++;
  useToastStore.setState((s) => ({ toasts: [...s.toasts, { id, message, tone }] }));
  setTimeout(() => useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), ms);
}

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} role="status">
          {t.message}
        </div>
      ))}
    </div>
  );
}
