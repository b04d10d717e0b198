import { PageLayout } from '../../ui/PageLayout';

export default function OpenDayListPage() {
  return <PageLayout title="OpenDayListPage">…</PageLayout>;
}
