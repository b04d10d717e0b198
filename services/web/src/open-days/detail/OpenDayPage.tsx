import { PageLayout } from '../../ui/PageLayout';

export default function OpenDayPage() {
  return <PageLayout title="OpenDayPage">…</PageLayout>;
}
