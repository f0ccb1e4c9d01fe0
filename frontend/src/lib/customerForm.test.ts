import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { candidatesOfError, scorePercent, toCandidates } from './candidates';
import { cleanCreditCode, cleanPartNumbers, detailsBody, isValidCreditCode } from './customerForm';

describe('customer detail form → API body', () => {
  it('splits the region, trims text, cleans part numbers and formats the founding date', () => {
    const body = detailsBody({
      region: ['广东省', '深圳市'],
      product_domain_id: 6,
      annual_mcu_usage_wan: 50,
      mcus_in_use: [' stm32f030 ', 'STM32F030', '', 'gd32f103'],
      credit_code: ' 91440300ma5f000007 ',
      purchaser: ' 宏图采购部 ',
      founded_on: dayjs('2015-06-01'),
    });
    expect(body).toMatchObject({
      province: '广东省',
      city: '深圳市',
      product_domain_id: 6,
      annual_mcu_usage_wan: 50,
      mcus_in_use: ['STM32F030', 'GD32F103'],
      credit_code: '91440300MA5F000007',
      purchaser: '宏图采购部',
      factory: '',
      founded_on: '2015-06-01',
    });
  });

  it('sends an empty credit code and founding date as null (cleared)', () => {
    expect(detailsBody({ credit_code: '  ' })).toMatchObject({ credit_code: null, founded_on: null });
  });

  it('cleans part numbers and credit codes as typed', () => {
    expect(cleanPartNumbers(undefined)).toEqual([]);
    expect(cleanCreditCode('９１４４ 0300MA5F000007')).toBe('91440300MA5F000007');
  });
});

describe('unified social credit code check (GB 32100)', () => {
  it('accepts codes with a correct check character', () => {
    expect(isValidCreditCode('91440300MA5F000007')).toBe(true);
    expect(isValidCreditCode('91440101123456789W')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length or letters outside the charset', () => {
    expect(isValidCreditCode('91440300MA5F000008')).toBe(false);
    expect(isValidCreditCode('91440300MA5F00000')).toBe(false);
    expect(isValidCreditCode('91440300MA5F0000I7')).toBe(false);
  });
});

describe('conflict candidates from untyped answers', () => {
  it('keeps well-formed candidates, best first, and fills what is missing', () => {
    const raw = [
      { name: 'B', score: 0.8, reason: 'r', status: 'pending', status_text: '审批中' },
      { name: 'A', score: 1.2, reason: 'r', status: 'bogus', pool_customer_id: 4 },
      { score: 0.9 },
      'nonsense',
    ];
    expect(toCandidates(raw)).toEqual([
      { name: 'A', score: 1, reason: 'r', status: 'protected', status_text: '', pool_customer_id: 4 },
      { name: 'B', score: 0.8, reason: 'r', status: 'pending', status_text: '审批中', pool_customer_id: null },
    ]);
    expect(toCandidates(undefined)).toEqual([]);
  });

  it('reads the candidates of a refused registration (409)', () => {
    const error = new ApiError(409, 'registration_blocked', '该客户已被报备', [], {
      candidates: [{ name: '深圳市宏图智能科技有限公司', score: 1, reason: '名称完全相同', status: 'protected' }],
    });
    expect(candidatesOfError(error).map((c) => c.name)).toEqual(['深圳市宏图智能科技有限公司']);
    expect(candidatesOfError(new Error('x'))).toEqual([]);
  });

  it('shows a score as a whole percentage', () => {
    expect(scorePercent(0.897)).toBe('90%');
    expect(scorePercent(1)).toBe('100%');
  });
});
