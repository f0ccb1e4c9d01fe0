import { Select, type SelectProps } from 'antd';

export type FilterSelectProps<V> = Omit<SelectProps<V>, 'placeholder' | 'aria-label' | 'allowClear' | 'style'> & {
  /** What is filtered: shown while empty and said to screen readers. */
  label: string;
  width: number;
};

/** A toolbar filter: clearable, labelled by what it filters. */
export function FilterSelect<V>({ label, width, ...select }: FilterSelectProps<V>) {
  return <Select<V> allowClear placeholder={label} aria-label={label} style={{ width }} {...select} />;
}
