import { PageLayout } from '../ui/PageLayout';

export default function PublicNoticePage() {
  return <PageLayout title="PublicNoticePage">…</PageLayout>;
}
