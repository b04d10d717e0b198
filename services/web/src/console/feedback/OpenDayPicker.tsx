import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, shanghaiDate } from '../../time/shanghai';
import { allPages } from '../api/all-pages';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { chosenOpenDay, openDayChoices, type OpenDayChoice } from './open-day-choices';

/**
 * The agency's open days (its published or cancelled plans) and the one the page is about, kept
 * in the address as `?openDay=` so triage, the survey and its results stay on the same day.
 */
export function useChosenOpenDay() {
  const plans = useQuery({
    queryKey: ['console', 'feedback', 'open-days'],
    queryFn: async () =>
      openDayChoices((await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })))).items),
  });
  const [params, setParams] = useSearchParams();
  const named = params.get('openDay');
  const today = shanghaiDate();
  const chosen = useMemo(() => chosenOpenDay(plans.data ?? [], named, today), [plans.data, named, today]);
  const choose = (openDayId: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('openDay', openDayId);
        next.delete('item');
        return next;
      },
      { replace: true },
    );
  return { plans, choices: plans.data ?? [], chosen, choose, params, setParams };
}

export function OpenDayPicker({ choices, chosen, onChoose }: { choices: readonly OpenDayChoice[]; chosen: OpenDayChoice; onChoose: (openDayId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="console-feedback-picker">
      <label htmlFor="feedback-open-day" className="console-label">
        {t('console.feedback.openDay')}
      </label>
      <Select
        id="feedback-open-day"
        style={{ width: '100%', marginTop: '0.25rem' }}
        value={chosen.openDayId}
        onChange={onChoose}
        showSearch={{ optionFilterProp: 'label' }}
        options={choices.map((choice) => ({
          value: choice.openDayId,
          label: t(choice.cancelled ? 'console.feedback.openDayCancelled' : 'console.feedback.openDayOption', {
            title: choice.title,
            date: formatDate(choice.firstDate, i18n.language),
          }),
        }))}
      />
    </div>
  );
}

/**
 * A page about one of the agency's open days: loading, a problem or "no open days" until one is
 * chosen, then the picker (with the page's own `tools` beside it) above the page's content.
 */
export function ChosenOpenDayPage({
  picked,
  size,
  tools,
  children,
}: {
  picked: ReturnType<typeof useChosenOpenDay>;
  size: 'middle' | 'large';
  tools: (chosen: OpenDayChoice) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { plans, choices, chosen, choose } = picked;
  if (plans.isPending) return <ConsoleLoading />;
  if (plans.isError) return <ConsoleError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (!chosen) return <ConsoleEmpty title={t('console.feedback.noOpenDays')} />;
  return (
    <Space orientation="vertical" size={size} style={{ width: '100%' }}>
      <div className="console-feedback-toolbar">
        <OpenDayPicker choices={choices} chosen={chosen} onChoose={choose} />
        {tools(chosen)}
      </div>
      {children}
    </Space>
  );
}
