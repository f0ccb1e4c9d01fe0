// The generated client emits each named API enum as a const object too (scripts/client.mjs):
// pickers and checks take their values from it, in the API's order, never from a copy.

/** Options (select, radio, checkbox) for every value of a generated enum, labelled. */
export function enumOptions<V extends string>(values: Record<string, V>, label: (value: V) => string) {
  return Object.values(values).map((value) => ({ value, label: label(value) }));
}

/** Whether a value the API types as a plain string is one of a generated enum's values. */
export function isEnumValue<V extends string>(values: Record<string, V>, value: unknown): value is V {
  return (Object.values(values) as unknown[]).includes(value);
}

/**
 * The values of an enum the API declares inline (the client has its type, no object): the keys of
 * `values`, which tsc checks are exactly the type's values.
 */
export function inlineEnumValues<V extends string>(values: Record<V, true>): V[] {
  return Object.keys(values) as V[];
}
