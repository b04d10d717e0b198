import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../time/shanghai';
import { districtChoices } from '../plans/district-choices';
import { useDistricts } from '../plans/use-districts';
import { changeLines, type ChangeContent, type DiffWords } from './change-content';

/** How the page's language says dates, lists, ages and districts in a change. */
function useDiffWords(): DiffWords {
  const { t, i18n } = useTranslation();
  const directory = useDistricts();
  return useMemo(() => {
    const all = directory.data ?? [];
    // Every district by name, the deactivated ones too: a change may name one the city office has since deactivated.
    const districtNames = new Map(districtChoices(all, i18n.language, all.map((district) => district.code)).map((option) => [option.value, option.label]));
    const list = (items: readonly string[]) => items.join(t('console.changes.words.listSeparator'));
    return {
      date: (date) => formatDate(date, i18n.language),
      list,
      ages: (min, max) => (max === null ? t('console.changes.words.ageFrom', { min }) : t('console.changes.words.ageRange', { min, max })),
      districts: (districts) => (districts.length === 0 ? t('console.changes.words.wholeCity') : list(districts.map((code) => districtNames.get(code) ?? code))),
    };
  }, [t, i18n.language, directory.data]);
}

/** A change in words, one line for each thing that changes (before → after). */
export function ChangeLines({ before, after }: { before: ChangeContent; after: ChangeContent }) {
  const { t } = useTranslation();
  const words = useDiffWords();
  const lines = changeLines(before, after, words);
  if (lines.length === 0) return <span>{t('console.changes.diff.nothing')}</span>;
  return (
    <ul className="changes-lines">
      {lines.map((line, index) => (
        <li key={`${line.key}-${index}`}>{t(`console.changes.diff.${line.key}`, line.values)}</li>
      ))}
    </ul>
  );
}
