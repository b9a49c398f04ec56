export function Spinner({ size = 'medium' }: { size?: 'small' | 'medium' | 'large' }) {
  return <span className={`spinner spinner-${size}`} aria-hidden="true" />;
}

export function Loading({ label = '불러오는 중…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <Spinner size="large" />
      <p>{label}</p>
    </div>
  );
}
