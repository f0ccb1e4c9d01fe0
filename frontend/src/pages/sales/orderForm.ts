// The order form's values <-> the API body, batch-number splitting and the project choices
// (SPEC §9). Pure functions, unit-tested.
import dayjs, { type Dayjs } from 'dayjs';
import type { LineIn, OrderIn, OrderPublic, ProjectPublic } from '../../client';
import { inlineEnumValues } from '../../lib/enums';
import { shanghaiToday } from '../../lib/format';

export type Currency = NonNullable<LineIn['currency']>;
export const CURRENCIES = inlineEnumValues<Currency>({ CNY: true, USD: true, EUR: true, HKD: true });

export interface LineValues {
  project_id?: number;
  quantity?: number | null;
  unit_price?: number | null;
  currency?: Currency | null;
  batches?: string[];
}

export interface OrderFormValues {
  order_number: string;
  contract_date: Dayjs;
  remarks?: string;
  lines: LineValues[];
}

/** Comma, space, newline, semicolon (also the full-width ones) and tabs separate batch numbers. */
const SEPARATORS = /[\s,;，；、]+/;

/** A pasted or typed list of batch numbers: trimmed, empty ones dropped, order kept, no repeats. */
export function splitBatches(text: string): string[] {
  return mergeBatches([], text.split(SEPARATORS));
}

/** `current` followed by the new `added` numbers that are not in it yet. */
export function mergeBatches(current: string[], added: string[]): string[] {
  const seen = new Set(current);
  const merged = [...current];
  for (const raw of added) {
    const batch = raw.trim();
    if (!batch || seen.has(batch)) continue;
    seen.add(batch);
    merged.push(batch);
  }
  return merged;
}

/** Does typed text hold a separator (so it is a list to split now)? */
export function hasSeparator(text: string): boolean {
  return SEPARATORS.test(text);
}

export function emptyLine(): LineValues {
  return { quantity: null, unit_price: null, currency: 'CNY', batches: [] };
}

export function newOrderValues(today: Dayjs = shanghaiToday()): OrderFormValues {
  return { order_number: '', contract_date: today.startOf('day'), remarks: '', lines: [emptyLine()] };
}

function linePayload(line: LineValues): LineIn {
  const price = line.unit_price ?? null;
  return {
    project_id: Number(line.project_id),
    quantity: Number(line.quantity),
    unit_price: price === null ? null : price,
    currency: price === null ? null : (line.currency ?? 'CNY'),
    batches: mergeBatches([], line.batches ?? []),
  };
}

/** The POST/PUT body: trimmed texts, the date as YYYY-MM-DD, a currency only with a price. */
export function orderPayload(values: OrderFormValues): OrderIn {
  return {
    order_number: values.order_number.trim(),
    contract_date: values.contract_date.format('YYYY-MM-DD'),
    remarks: (values.remarks ?? '').trim(),
    lines: values.lines.map(linePayload),
  };
}

/** An existing order as form values (editing it). */
export function orderValues(order: OrderPublic): OrderFormValues {
  return {
    order_number: order.order_number,
    contract_date: dayjs(order.contract_date),
    remarks: order.remarks,
    lines: order.lines.map((line) => ({
      project_id: line.project.id,
      quantity: line.quantity,
      unit_price: line.unit_price === null ? null : Number(line.unit_price),
      currency: (line.currency as Currency | null) ?? 'CNY',
      batches: [...line.batches],
    })),
  };
}

export interface ProjectChoice {
  value: number;
  label: string;
  /** Projects without an MCU model cannot be sold yet: shown, but not selectable. */
  disabled: boolean;
}

export function projectChoices(projects: ProjectPublic[]): ProjectChoice[] {
  return projects.map((p) => ({ value: p.id, label: p.name, disabled: p.mcu_model === null }));
}

export interface ProjectFill {
  model: string | null;
  domain: string | null;
}

/** What choosing a project fills in (read-only; the server copies them from the project). */
export function projectFill(projects: ProjectPublic[], projectId: number | undefined): ProjectFill {
  const project = projects.find((p) => p.id === projectId);
  return { model: project?.mcu_model?.part_number ?? null, domain: project?.product_domain.name ?? null };
}

/** The state of the customer's projects for order entry. */
export type ProjectsState = 'none' | 'noModel' | 'ok';

export function projectsState(projects: ProjectPublic[]): ProjectsState {
  if (projects.length === 0) return 'none';
  return projects.some((p) => p.mcu_model !== null) ? 'ok' : 'noModel';
}

/** A contract date may not be in the future (the sales date is the day the contract was signed). */
export function isFutureDay(day: Dayjs, today: Dayjs = shanghaiToday()): boolean {
  return day.startOf('day').isAfter(today.startOf('day'));
}
