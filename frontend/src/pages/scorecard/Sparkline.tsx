import { useMemo } from 'react';
import { ChartPanel } from '../../components/ChartPanel';
import { sparklineOption } from './scorecard';

/** A small trend line in a table cell. */
export function Sparkline({ months, values, label, color }: { months: string[]; values: number[]; label: string; color?: string }) {
  const option = useMemo(() => sparklineOption(months, values, color), [months, values, color]);
  return (
    <div style={{ width: 120 }} data-testid="scorecard-sparkline">
      <ChartPanel option={option} height={32} ariaLabel={label} />
    </div>
  );
}
