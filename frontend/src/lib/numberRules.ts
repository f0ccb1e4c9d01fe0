// What a number field accepts. AntD's InputNumber `min`, `max` and `precision` rewrite what was
// typed (0 becomes 1, 12.7 becomes 13) without a word, so the fields use none of them: these
// checks refuse the value with the field's message and leave it as typed.
import type { RuleObject } from 'antd/es/form';

export interface NumberLimits {
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** At most this many decimal places. */
  decimals?: number;
}

function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** Does the value fit? An empty field fits (a `required` rule says when it must not be empty). */
export function numberFits(value: unknown, limits: NumberLimits): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (limits.integer && !Number.isInteger(value)) return false;
  if (limits.decimals !== undefined && decimalPlaces(value) > limits.decimals) return false;
  if (limits.min !== undefined && value < limits.min) return false;
  return limits.max === undefined || value <= limits.max;
}

/** A Form.Item rule refusing, with `message`, a number outside the limits. */
export function numberRule(limits: NumberLimits, message: string): RuleObject {
  return {
    validator: (_rule, value: unknown) => (numberFits(value, limits) ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}
