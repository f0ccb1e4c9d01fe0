// A small React wrapper around ECharts (the `echarts` package directly, loaded on demand): one
// chart instance per element, re-drawn when the option changes, resized with its box, disposed
// on unmount.
import { Empty, Spin } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export type ChartOption = EChartsCoreOption;

export interface ChartPanelProps {
  option: ChartOption;
  height?: number;
  loading?: boolean;
  /** Nothing to draw: an empty state instead of an empty chart. */
  empty?: boolean;
  emptyText?: string;
  testId?: string;
  ariaLabel?: string;
}

export function ChartPanel({ option, height = 320, loading = false, empty = false, emptyText, testId, ariaLabel }: ChartPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element || empty) return undefined;
    let instance: EChartsType | null = null;
    let cancelled = false;
    const onResize = () => instance?.resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
    void import('../lib/chartEngine').then(({ init }) => {
      if (cancelled) return;
      instance = init(element, undefined, { renderer: 'canvas' });
      observer?.observe(element);
      window.addEventListener('resize', onResize);
      setChart(instance);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      window.removeEventListener('resize', onResize);
      instance?.dispose();
      setChart(null);
    };
  }, [empty]);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  if (empty && !loading) {
    return (
      <div data-testid={testId} style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Empty description={emptyText} />
      </div>
    );
  }
  return (
    <Spin spinning={loading || !chart}>
      <div ref={box} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />
    </Spin>
  );
}
