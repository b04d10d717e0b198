import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { barChartOption, chartHeight, type ResultRow } from './survey-results';

// Only the parts the results draw, so the page's chunk carries no more of ECharts than it needs.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One question's counts as horizontal bars; the table beside it holds the same numbers for those who cannot see the chart. */
export function ResultChart({ rows, labels, label, color = '#1a4fa0' }: { rows: readonly ResultRow[]; labels: readonly string[]; label: string; color?: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={barChartOption(rows, labels, color)} notMerge style={{ height: chartHeight(rows.length), width: '100%' }} />
    </div>
  );
}
