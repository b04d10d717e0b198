import { describeWords, wordKeys } from '../../i18n/words-check';
import { FIGURES, GROUP_CHARTS } from './board';

describeWords('console-statistics', __dirname, 'console.statistics');

describe('the statistics words built from values', () => {
  const zh = wordKeys('console-statistics', 'zh-CN');
  const en = wordKeys('console-statistics', 'en');

  it.each([
    ...Object.keys(FIGURES).map((figure) => `figures.${figure}`),
    ...Object.keys(GROUP_CHARTS).map((chart) => `charts.${chart}`),
    ...['collected', 'assigned', 'answered'].map((status) => `items.statuses.${status}`),
    ...['solved', 'will-be-solved', 'explained', 'not-our-remit'].map((outcome) => `items.outcomes.${outcome}`),
    ...['public-service', 'policy', 'infrastructure', 'environment', 'safety', 'transparency', 'event-organisation', 'other'].map((topic) => `items.topics.${topic}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
