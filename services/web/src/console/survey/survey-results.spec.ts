import { barChartOption, chartHeight, percentOf, resultRows, type QuestionResult } from './survey-results';

const base = { prompt: '问题', required: false, mean: null, options: null, ratings: null } as const;
const ratings = (...counts: number[]) => counts.map((count, i) => ({ rating: i + 1, count }));

describe('resultRows', () => {
  it.each<[string, QuestionResult, Array<[string, number, number]>]>([
    ['a rating, 1 to 5', { ...base, id: 'overall', kind: 'rating', answered: 4, ratings: ratings(0, 0, 1, 1, 2), mean: 4.25 }, [['1', 0, 0], ['2', 0, 0], ['3', 1, 25], ['4', 1, 25], ['5', 2, 50]]],
    ['a single choice in its order', { ...base, id: 't', kind: 'single-choice', answered: 3, options: [{ option: '公交', count: 1 }, { option: '地铁', count: 2 }] }, [['公交', 1, 33], ['地铁', 2, 67]]],
    ['a multiple choice adds up past 100%', { ...base, id: 'l', kind: 'multiple-choice', answered: 2, options: [{ option: '参观', count: 2 }, { option: '座谈', count: 1 }] }, [['参观', 2, 100], ['座谈', 1, 50]]],
    ['nobody answered', { ...base, id: 'g', kind: 'rating', answered: 0, ratings: ratings(0, 0, 0, 0, 0) }, [['1', 0, 0], ['2', 0, 0], ['3', 0, 0], ['4', 0, 0], ['5', 0, 0]]],
    ['a text has no rows', { ...base, id: 's', kind: 'text', answered: 5 }, []],
  ])('%s', (_name, question, rows) => {
    expect(resultRows(question).map((r) => [r.label, r.count, r.percent])).toEqual(rows);
  });
});

describe('percentOf', () => {
  it.each([
    [0, 0, 0],
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13],
    [3, 3, 100],
  ])('%i of %i → %i%%', (count, total, percent) => {
    expect(percentOf(count, total)).toBe(percent);
  });
});

describe('barChartOption', () => {
  it('has a bar per row in the table’s order, the counts as data, the words as categories', () => {
    const rows = [{ label: '公交', count: 1, percent: 33 }, { label: '地铁', count: 2, percent: 67 }];
    const option = barChartOption(rows, ['公交', '地铁'], '#1677ff');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['公交', '地铁'] });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', data: [1, 2], itemStyle: { color: '#1677ff' } })]);
    expect(option.xAxis).toMatchObject({ type: 'value', minInterval: 1 });
  });
});

describe('chartHeight', () => {
  it.each([
    [0, 160],
    [2, 160],
    [5, 228],
    [20, 768],
  ])('%i rows → %i px', (rows, height) => {
    expect(chartHeight(rows)).toBe(height);
  });
});
