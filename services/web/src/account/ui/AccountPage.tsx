import type { ReactNode } from 'react';
import { PageLayout, type PageLayoutProps } from '../../ui/PageLayout';
import { LoadingState } from '../../ui/LoadingState';
import { ErrorState } from '../../ui/ErrorState';
import '../account.css';

interface Loadable {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A signed-in page: the shared layout, and while its data loads or fails, the shared states. */
export function AccountPage({ loading, children, ...layout }: PageLayoutProps & { loading?: Loadable[] }) {
  const pending = loading?.find((query) => query.isPending && !query.error);
  const failed = loading?.find((query) => query.error);
  return (
    <PageLayout {...layout}>
      {failed ? <ErrorState error={failed.error} onRetry={() => failed.refetch()} /> : pending ? <LoadingState /> : children}
    </PageLayout>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="acc-section" aria-label={title}>
      <h2 className="acc-section-title">{title}</h2>
      {children}
    </section>
  );
}
