import { Badge, Button } from 'antd-mobile';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { accountApi } from '../api/account-api';
import { keys } from '../api/queries';
import type { InboxMessageView } from '../api/views';
import { shanghaiDateTime } from '../format';
import { AccountPage } from '../ui/AccountPage';

/** The in-app messages, newest first; opening an unread one marks it read. */
export default function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInfiniteQuery({
    queryKey: keys.inbox,
    queryFn: ({ pageParam }) => accountApi.inboxPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const messages = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = messages.filter((m) => !m.readAt).length;
  return (
    <AccountPage title={t('account.inbox.title')} loading={[inbox]}>
      {messages.length === 0 ? (
        <EmptyState title={t('account.inbox.empty')} hint={t('account.inbox.emptyHint')} />
      ) : (
        <>
          {/* Always there, so a screen reader hears the count change as messages are read. */}
          <p className="acc-muted acc-inbox-count" role="status">
            {unread > 0 ? t('account.inbox.unreadCount', { count: unread }) : t('account.inbox.allRead')}
          </p>
          <ul className="acc-cards" aria-label={t('account.inbox.title')}>
            {messages.map((message) => (
              <li key={message.messageId}>
                <Message message={message} />
              </li>
            ))}
          </ul>
          {inbox.hasNextPage && (
            <Button block loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
              {t('account.common.loadMore')}
            </Button>
          )}
        </>
      )}
    </AccountPage>
  );
}

function Message({ message }: { message: InboxMessageView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => accountApi.markRead(message.messageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.inbox }),
  });
  const unread = !message.readAt;
  return (
    <details className={unread ? 'acc-card acc-message acc-message-unread' : 'acc-card acc-message'} onToggle={(e) => e.currentTarget.open && unread && markRead.mutate()}>
      <summary>
        {unread && <Badge content={Badge.dot} className="acc-unread-dot" aria-hidden />}
        <span className="acc-message-title">{message.title}</span>
        <span className="visually-hidden">{unread ? t('account.inbox.unread') : t('account.inbox.read')}</span>
        <time className="acc-muted" dateTime={message.receivedAt}>
          {shanghaiDateTime(message.receivedAt)}
        </time>
      </summary>
      <p className="acc-message-body">{message.body}</p>
    </details>
  );
}
