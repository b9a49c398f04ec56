import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';

export function NotFoundRoute() {
  return (
    <main className="public-page">
      <EmptyState
        title="페이지를 찾을 수 없습니다"
        action={
          <Link to="/" className="btn btn-primary">
            처음으로
          </Link>
        }
      />
    </main>
  );
}
