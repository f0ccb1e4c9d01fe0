import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { NO_SEARCH, orderQuery } from './useDesk';

describe('the order search as API query', () => {
  it('leaves out empty texts and cleared pickers', () => {
    expect(orderQuery({ ...NO_SEARCH, orderNumber: '   ' })).toEqual({});
  });

  it('sends trimmed numbers, ids and the dates as YYYY-MM-DD', () => {
    const search = {
      orderNumber: ' SO-26 ',
      batch: ' B2611 ',
      customerId: 7,
      mcuModelId: 3,
      dates: [dayjs('2026-11-01'), dayjs('2026-11-30')] as [dayjs.Dayjs, dayjs.Dayjs],
    };
    expect(orderQuery(search)).toEqual({
      order_number: 'SO-26',
      batch: 'B2611',
      customer_id: 7,
      mcu_model_id: 3,
      date_from: '2026-11-01',
      date_to: '2026-11-30',
    });
  });
});
