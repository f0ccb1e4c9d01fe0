import { describe, expect, it } from 'vitest';
import { numberFits } from './numberRules';

const QUANTITY = { min: 1, integer: true };

describe('a number field', () => {
  it('refuses 0, negatives and fractions where a quantity is asked', () => {
    expect(numberFits(0, QUANTITY)).toBe(false);
    expect(numberFits(-5, QUANTITY)).toBe(false);
    expect(numberFits(12.7, QUANTITY)).toBe(false);
    expect(numberFits(12, QUANTITY)).toBe(true);
  });

  it('leaves an empty field to the required rule', () => {
    expect(numberFits(null, QUANTITY)).toBe(true);
    expect(numberFits(undefined, QUANTITY)).toBe(true);
  });

  it('counts decimal places without rounding them away', () => {
    const price = { min: 0, decimals: 4 };
    expect(numberFits(1.2345, price)).toBe(true);
    expect(numberFits(1.23456, price)).toBe(false);
    expect(numberFits(1e-7, price)).toBe(false);
    expect(numberFits(-0.5, price)).toBe(false);
  });

  it('refuses what is above the maximum and what is not a number', () => {
    expect(numberFits(101, { max: 100 })).toBe(false);
    expect(numberFits(Number.NaN, {})).toBe(false);
    expect(numberFits('12', {})).toBe(false);
  });
});
