import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { PageLayout } from '../../ui/PageLayout';
import './list.css';
import { filtersFromSearch, NO_FILTERS, searchFromFilters, type ListFilters } from './filters';
import { MonthCalendar } from './MonthCalendar';
import { OpenDayResults } from './OpenDayResults';
import { SearchAndFilters } from './SearchAndFilters';

/** `/`: the published open days, as a list or a month calendar, with search and filters kept in the address. */
export default function OpenDayListPage() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const change = (next: Partial<ListFilters>) => setSearch(searchFromFilters({ ...filters, ...next }), { replace: true });
  return (
    <PageLayout title={t('list.title')} actions={!signedIn && <Link to="/sign-in">{t('common.signIn')}</Link>}>
      <p className="intro">{t('list.intro')}</p>
      <SearchAndFilters filters={filters} onChange={change} />
      <ViewSwitch view={filters.view} onChange={(view) => change({ view })} />
      {filters.view === 'calendar' ? (
        <MonthCalendar filters={filters} onMonth={(month) => change({ month })} />
      ) : (
        <OpenDayResults filters={filters} onClear={() => change(NO_FILTERS)} />
      )}
    </PageLayout>
  );
}

function ViewSwitch({ view, onChange }: { view: ListFilters['view']; onChange: (view: ListFilters['view']) => void }) {
  const { t } = useTranslation();
  return (
    <div className="view-switch" role="group" aria-label={t('list.viewLabel')}>
      {(['list', 'calendar'] as const).map((option) => (
        <button key={option} type="button" aria-pressed={view === option} onClick={() => onChange(option)}>
          {t(option === 'list' ? 'list.viewList' : 'list.viewCalendar')}
        </button>
      ))}
    </div>
  );
}
