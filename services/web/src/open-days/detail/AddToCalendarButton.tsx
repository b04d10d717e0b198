import { Button } from 'antd-mobile';
import { CalendarOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { PublicOpenDay } from '../views';
import { openDayCalendar } from './ics';
import { isWeChatBrowser } from './wechat';

/** Downloads an .ics file made here in the browser: one event per session, Asia/Shanghai times. */
export function AddToCalendarButton({ openDay, agency }: { openDay: PublicOpenDay; agency: string }) {
  const { t } = useTranslation();
  const download = () => {
    const agenda = openDay.sessions
      .flatMap((session) => session.agenda.map((item) => `${item.startsAt}–${item.endsAt} ${item.activity}`))
      .filter((line, i, all) => all.indexOf(line) === i);
    const description = [openDay.theme, ...agenda, ...openDay.notices].filter(Boolean).join('\n');
    const ics = openDayCalendar(
      {
        id: openDay.id,
        title: openDay.title,
        agency,
        assemblyPoint: openDay.assemblyPoint,
        description: `${description}\n${window.location.href}`,
        url: `${window.location.origin}/open-days/${openDay.id}`,
        cancelled: openDay.status === 'cancelled',
        sessions: openDay.sessions,
      },
      new Date(),
    );
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `open-day-${openDay.date}.ics`;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <Button block fill="outline" color="primary" onClick={download}>
        <CalendarOutline aria-hidden /> {t('detail.addToCalendar')}
      </Button>
      {isWeChatBrowser(navigator.userAgent) && <p className="muted small">{t('detail.addToCalendarInWeChat')}</p>}
    </>
  );
}
