import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useRef } from 'react';
import { bandAt, barOption, BOARD_GRID, type BarSeries } from './board';

// Only the bar chart and what it needs: the boards' chunk carries no other chart.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface BoardChartProps {
  /** Which chart this is (data-chart, for tests and styles); its heading and figures are beside it. */
  name: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  max?: number;
  colours?: readonly string[];
  /** A click anywhere in a category's band (a bar or the space above it) opens that category's list. */
  onPick?: (index: number) => void;
  height?: number;
}

/**
 * Bars drawn by ECharts. The picture is for the eye (hidden from screen readers, who read the
 * table beside it); a click is found by position in the fixed chart area, so a thin or empty
 * bar is as easy to hit as a tall one.
 */
export function BoardChart({ name, categories, series, max, colours, onPick, height = 300 }: BoardChartProps) {
  const pick = useRef(onPick);
  const bands = useRef(categories.length);
  useEffect(() => {
    pick.current = onPick;
    bands.current = categories.length;
  });

  // Bound once per chart instance (ECharts disposes them with it); they read the latest props.
  const listen = (chart: EChartsType) => {
    const zr = chart.getZr();
    const bandOf = (x: number) => bandAt(x, chart.getWidth(), bands.current);
    zr.on('click', (event) => {
      const band = bandOf(event.offsetX);
      if (band !== null) pick.current?.(band);
    });
    zr.on('mousemove', (event) => {
      if (pick.current && bandOf(event.offsetX) !== null) zr.setCursorStyle('pointer');
    });
  };

  return (
    // The chart area's margins and band count in the page, so a browser test finds a bar by position.
    <div
      className="statistics-chart"
      data-chart={name}
      data-bands={categories.length}
      data-grid={`${BOARD_GRID.left} ${BOARD_GRID.right} ${BOARD_GRID.bottom}`}
    >
      <ReactEChartsCore
        onChartReady={listen}
        echarts={echarts}
        option={barOption(categories, series, { max, colours })}
        notMerge
        style={{ height, width: '100%' }}
        aria-hidden="true"
      />
    </div>
  );
}
