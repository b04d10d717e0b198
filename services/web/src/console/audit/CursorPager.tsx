import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { nextPage, previousPage, type CursorPages } from './cursor-pages';

/** Previous / next under a log, with the page number; the words are the audit log's (shared by every log page). */
export function CursorPager({ pages, nextCursor, onChange, busy }: { pages: CursorPages; nextCursor: string | null | undefined; onChange: (pages: CursorPages) => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('console.audit.pager.label')} style={{ marginTop: '1rem' }}>
      <Space>
        <Button disabled={pages.page === 0 || busy} onClick={() => onChange(previousPage(pages))}>
          {t('console.audit.pager.previous')}
        </Button>
        <Typography.Text aria-live="polite">{t('console.audit.pager.page', { page: pages.page + 1 })}</Typography.Text>
        <Button disabled={!nextCursor || busy} onClick={() => onChange(nextPage(pages, nextCursor ?? null))}>
          {t('console.audit.pager.next')}
        </Button>
      </Space>
    </nav>
  );
}
