import { describe, expect, it } from 'vitest';
import { ProjectStage } from '../client';
import { enumOptions, inlineEnumValues, isEnumValue } from './enums';

describe('generated enums', () => {
  it('offers every value in the API’s order, labelled', () => {
    const options = enumOptions(ProjectStage, (stage) => stage.toUpperCase());
    expect(options[0]).toEqual({ value: 'lead', label: 'LEAD' });
    expect(options.map((o) => o.value)).toEqual(Object.values(ProjectStage));
  });

  it('tells the enum’s values from other strings', () => {
    expect(isEnumValue(ProjectStage, 'development')).toBe(true);
    expect(isEnumValue(ProjectStage, 'unknown')).toBe(false);
    expect(isEnumValue(ProjectStage, null)).toBe(false);
  });

  it('lists an inline enum from a record tsc checks complete', () => {
    expect(inlineEnumValues<'a' | 'b'>({ a: true, b: true })).toEqual(['a', 'b']);
  });
});
