import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from 'antd-mobile';
import { SearchOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { addMonths, formatMonth, shanghaiMonth } from '../../time/shanghai';
import { agencyName, useAgencies } from '../queries';
import { OPEN_DAY_FORMS } from '../views';
import { districtOptions } from './district-options';
import { hasFilters, NO_FILTERS, type ListFilters } from './filters';

interface Props {
  filters: ListFilters;
  onChange: (next: Partial<ListFilters>) => void;
}

export function SearchAndFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const active = activeFilterCount(filters);
  return (
    <section className="section filters" aria-label={t('list.filters')}>
      <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} />
      {/* Folded on a phone so the open days come first; open when a filter is set. */}
      <details className="filter-details" open={active > 0 || undefined}>
        <summary>
          {t('list.filters')}
          {active > 0 && <span className="filter-count"> ({active})</span>}
        </summary>
        <FilterSelects filters={filters} onChange={onChange} />
        <div className="filter-row">
          <label className="checkbox">
            <input type="checkbox" checked={filters.openNow} onChange={(event) => onChange({ openNow: event.target.checked })} />
            <span>{t('list.openNow')}</span>
          </label>
          {hasFilters(filters) && (
            <Button size="small" fill="none" color="primary" onClick={() => onChange({ ...NO_FILTERS, view: filters.view })}>
              {t('list.clearFilters')}
            </Button>
          )}
        </div>
      </details>
    </section>
  );
}

/** Filters other than the search box that are set. */
function activeFilterCount(filters: ListFilters): number {
  return [filters.agencyId, filters.month, filters.form, filters.district, filters.openNow].filter(Boolean).length;
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // Clearing the filters (or going back) changes the address: the box follows it.
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="open-day-search">
        {t('list.searchLabel')}
      </label>
      <input
        id="open-day-search"
        className="text-input"
        type="search"
        enterKeyHint="search"
        maxLength={100}
        placeholder={t('list.searchPlaceholder')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="icon-button" aria-label={t('list.searchLabel')}>
        <SearchOutline aria-hidden />
      </button>
    </form>
  );
}

function FilterSelects({ filters, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const organisers = (agencies.data ?? []).filter((agency) => agency.active && agency.id !== 'city-office');
  const thisMonth = shanghaiMonth();
  const months = Array.from({ length: 14 }, (_, i) => addMonths(thisMonth, i - 2));
  return (
    <div className="filter-grid">
      <SelectField label={t('list.agency')} value={filters.agencyId} onChange={(agencyId) => onChange({ agencyId })}>
        <option value="">{t('list.anyAgency')}</option>
        {filters.agencyId && !organisers.some((agency) => agency.id === filters.agencyId) && (
          <option value={filters.agencyId}>{agencyName(agencies.data, filters.agencyId)}</option>
        )}
        {organisers.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('list.month')} value={filters.month} onChange={(month) => onChange({ month })}>
        <option value="">{t('list.anyMonth')}</option>
        {!months.includes(filters.month) && filters.month && <option value={filters.month}>{filters.month}</option>}
        {months.map((month) => (
          <option key={month} value={month}>
            {formatMonth(month, i18n.language)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('list.form')} value={filters.form} onChange={(form) => onChange({ form: form as ListFilters['form'] })}>
        <option value="">{t('list.anyForm')}</option>
        {OPEN_DAY_FORMS.map((form) => (
          <option key={form} value={form}>
            {t(`common.forms.${form}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('list.district')} value={filters.district} onChange={(district) => onChange({ district })}>
        <option value="">{t('list.anyDistrict')}</option>
        {districtOptions(agencies.data ?? []).map((district) => (
          <option key={district.value} value={district.value}>
            {district.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function SelectField({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <label className="select-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </label>
  );
}
