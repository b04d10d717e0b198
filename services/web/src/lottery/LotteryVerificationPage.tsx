import { PageLayout } from '../ui/PageLayout';

export default function LotteryVerificationPage() {
  return <PageLayout title="LotteryVerificationPage">…</PageLayout>;
}
