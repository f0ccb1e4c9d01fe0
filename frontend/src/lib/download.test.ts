import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('downloaded file names', () => {
  it("reads the server's Content-Disposition (RFC 5987 first)", () => {
    expect(fileNameOf("attachment; filename*=UTF-8''shipments-customer-2026-11-01.xlsx", 'x')).toBe('shipments-customer-2026-11-01.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E9%A2%84%E6%B5%8B.csv", 'x')).toBe('预测.csv');
    expect(fileNameOf('attachment; filename="forecast.csv"', 'x')).toBe('forecast.csv');
    expect(fileNameOf(null, 'shipments.xlsx')).toBe('shipments.xlsx');
  });
});
