import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { OrderPublic, ProjectPublic } from '../../client';
import {
  emptyLine,
  isFutureDay,
  mergeBatches,
  newOrderValues,
  orderPayload,
  orderValues,
  projectChoices,
  projectFill,
  projectsState,
  splitBatches,
} from './orderForm';

const project = (id: number, name: string, model: string | null): ProjectPublic =>
  ({
    id,
    name,
    customer_id: 4,
    mcu_model: model ? { id: id * 10, part_number: model } : null,
    product_domain: { id: 1, name: '小家电' },
  }) as ProjectPublic;

describe('batch numbers pasted as one string', () => {
  it('splits on commas, spaces, new lines and semicolons, keeping the order', () => {
    expect(splitBatches('B1,B2 B3\nB4;B5')).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(splitBatches('B1，B2；B3\r\nB4\tB5、B6')).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
  });

  it('trims whitespace and drops empty entries', () => {
    expect(splitBatches('  B1 ,, ;\n\n  B2  ,')).toEqual(['B1', 'B2']);
    expect(splitBatches('   ')).toEqual([]);
  });

  it('drops duplicates, also against the numbers already entered', () => {
    expect(splitBatches('B1,B2,B1,B3,B2')).toEqual(['B1', 'B2', 'B3']);
    expect(mergeBatches(['B2', 'B9'], ['B1', 'B2', ' B3 '])).toEqual(['B2', 'B9', 'B1', 'B3']);
  });
});

describe('the order form payload', () => {
  const values = {
    order_number: '  SO-1  ',
    contract_date: dayjs('2026-11-20'),
    remarks: ' 加急 ',
    lines: [
      { project_id: 4, quantity: 7713, unit_price: 2.35, currency: 'USD' as const, batches: ['B1', 'B2', 'B1'] },
      { project_id: 5, quantity: 10, unit_price: null, currency: 'EUR' as const, batches: [] },
      { project_id: 6, quantity: 1, unit_price: 0.5, currency: null, batches: undefined },
    ],
  };

  it('trims texts, formats the date and keeps a currency only with a price (default CNY)', () => {
    expect(orderPayload(values)).toEqual({
      order_number: 'SO-1',
      contract_date: '2026-11-20',
      remarks: '加急',
      lines: [
        { project_id: 4, quantity: 7713, unit_price: 2.35, currency: 'USD', batches: ['B1', 'B2'] },
        { project_id: 5, quantity: 10, unit_price: null, currency: null, batches: [] },
        { project_id: 6, quantity: 1, unit_price: 0.5, currency: 'CNY', batches: [] },
      ],
    });
  });

  it('starts a new order today with one empty line', () => {
    const today = dayjs('2026-11-27T09:30:00');
    expect(newOrderValues(today)).toMatchObject({ order_number: '', lines: [emptyLine()] });
    expect(newOrderValues(today).contract_date.format('YYYY-MM-DD')).toBe('2026-11-27');
  });

  it('loads an existing order for editing and gives back the same body', () => {
    const order = {
      id: 1,
      order_number: 'SO-9',
      contract_date: '2026-10-14',
      remarks: '',
      lines: [
        { id: 1, project: { id: 4, name: 'IH' }, quantity: 100, unit_price: '1.1000', currency: 'CNY', batches: ['X1', 'X2'] },
        { id: 2, project: { id: 5, name: 'RC' }, quantity: 5, unit_price: null, currency: null, batches: [] },
      ],
    } as unknown as OrderPublic;
    expect(orderPayload(orderValues(order))).toEqual({
      order_number: 'SO-9',
      contract_date: '2026-10-14',
      remarks: '',
      lines: [
        { project_id: 4, quantity: 100, unit_price: 1.1, currency: 'CNY', batches: ['X1', 'X2'] },
        { project_id: 5, quantity: 5, unit_price: null, currency: null, batches: [] },
      ],
    });
  });

  it('refuses contract dates after today', () => {
    const today = dayjs('2026-11-27T10:00:00');
    expect(isFutureDay(dayjs('2026-11-27T23:00:00'), today)).toBe(false);
    expect(isFutureDay(dayjs('2026-11-28'), today)).toBe(true);
  });
});

describe('choosing a project', () => {
  const projects = [project(4, 'IH电饭煲主控', 'CD32F030C8T6'), project(5, '新项目', null)];

  it('fills the MCU model and the product domain from the project', () => {
    expect(projectFill(projects, 4)).toEqual({ model: 'CD32F030C8T6', domain: '小家电' });
    expect(projectFill(projects, undefined)).toEqual({ model: null, domain: null });
  });

  it('shows projects without an MCU model disabled', () => {
    expect(projectChoices(projects)).toEqual([
      { value: 4, label: 'IH电饭煲主控', disabled: false },
      { value: 5, label: '新项目', disabled: true },
    ]);
  });

  it('tells a customer without projects, or without any model, from one ready for orders', () => {
    expect(projectsState([])).toBe('none');
    expect(projectsState([project(5, '新项目', null)])).toBe('noModel');
    expect(projectsState(projects)).toBe('ok');
  });
});
