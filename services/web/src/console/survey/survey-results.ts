/** The survey results page as plain functions: each question's bars and table rows, and the chart's settings. */
import type { components } from '../../api/schema';

export type QuestionResult = components['schemas']['SurveyResultsDto']['questions'][number];

export interface ResultRow {
  /** An option's text, or a rating 1-5 as its digit. */
  label: string;
  count: number;
  /** Of those who answered the question, in whole per cent (a multiple choice adds up to more than 100). */
  percent: number;
}

/** The rows of a choice or rating question, in the question's order; none for a text question. */
export function resultRows(question: QuestionResult): ResultRow[] {
  const counts = question.options
    ? question.options.map((o) => ({ label: o.option, count: o.count }))
    : (question.ratings ?? []).map((r) => ({ label: String(r.rating), count: r.count }));
  return counts.map((row) => ({ ...row, percent: percentOf(row.count, question.answered) }));
}

export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}

/**
 * The settings of one horizontal bar chart (ECharts): a category per row in the question's
 * order from the top, the count at the end of each bar. `labels` are the category names as
 * shown (a rating's words, an option's text).
 */
export function barChartOption(rows: readonly ResultRow[], labels: readonly string[], color: string) {
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    // ECharts draws the first category at the bottom: reversed, the chart reads like the table.
    yAxis: { type: 'category', inverse: true, data: [...labels], axisLabel: { width: 200, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((row) => row.count), itemStyle: { color }, barMaxWidth: 28, label: { show: true, position: 'right' } }],
  };
}

/** Rows shown on the chart make it this tall (px): room for each bar and the axes. */
export function chartHeight(rowCount: number): number {
  return Math.max(160, 48 + rowCount * 36);
}
