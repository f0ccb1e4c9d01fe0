// Form values <-> API bodies for a customer's details (registration and the detail drawer share
// the fields: SPEC §5).
import dayjs, { type Dayjs } from 'dayjs';
import type { CustomerPublic, RegistrationCreate } from '../client';

export interface CustomerDetailValues {
  region?: string[];
  product_domain_id?: number;
  annual_mcu_usage_wan?: number | null;
  mcus_in_use?: string[];
  credit_code?: string;
  purchaser?: string;
  factory?: string;
  founded_on?: Dayjs | null;
  registered_capital?: string;
  major_events?: string;
  industry_position?: string;
}

/** Server field names that the form shows elsewhere (province and city are one cascader). */
export const DETAIL_FIELD_MAP = { province: 'region', city: 'region' } as const;

/** Part numbers as typed: trimmed, upper-case, no blanks, no repeats. */
export function cleanPartNumbers(values: string[] | undefined): string[] {
  const cleaned = (values ?? []).map((v) => v.trim().toUpperCase()).filter(Boolean);
  return [...new Set(cleaned)];
}

/** A credit code as typed: full-width → half-width, no spaces, upper-case; empty → null. */
export function cleanCreditCode(value: string | undefined): string | null {
  const cleaned = (value ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return cleaned || null;
}

// 统一社会信用代码, GB 32100-2015: 18 characters, the last a check character over the first 17.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The same check the server makes, for feedback while typing (expects a cleaned code). */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18 || [...code].some((c) => !CREDIT_CHARSET.includes(c))) return false;
  const total = CREDIT_WEIGHTS.reduce((sum, weight, i) => sum + CREDIT_CHARSET.indexOf(code[i]) * weight, 0);
  return CREDIT_CHARSET[(31 - (total % 31)) % 31] === code[17];
}

/** Every detail field, as both POST /registrations and PATCH /customers/{id} take them. */
export type DetailsBody = Required<
  Pick<
    RegistrationCreate,
    | 'province'
    | 'city'
    | 'product_domain_id'
    | 'annual_mcu_usage_wan'
    | 'mcus_in_use'
    | 'credit_code'
    | 'purchaser'
    | 'factory'
    | 'founded_on'
    | 'registered_capital'
    | 'major_events'
    | 'industry_position'
  >
>;

export function detailsBody(values: CustomerDetailValues): DetailsBody {
  const [province = '', city = ''] = values.region ?? [];
  return {
    province,
    city,
    product_domain_id: values.product_domain_id ?? 0, // required by the form
    annual_mcu_usage_wan: values.annual_mcu_usage_wan ?? 0,
    mcus_in_use: cleanPartNumbers(values.mcus_in_use),
    credit_code: cleanCreditCode(values.credit_code),
    purchaser: (values.purchaser ?? '').trim(),
    factory: (values.factory ?? '').trim(),
    founded_on: values.founded_on ? values.founded_on.format('YYYY-MM-DD') : null,
    registered_capital: (values.registered_capital ?? '').trim(),
    major_events: (values.major_events ?? '').trim(),
    industry_position: (values.industry_position ?? '').trim(),
  };
}

export function detailValuesOf(customer: CustomerPublic): CustomerDetailValues {
  return {
    region: [customer.province, customer.city],
    product_domain_id: customer.product_domain.id,
    annual_mcu_usage_wan: customer.annual_mcu_usage_wan,
    mcus_in_use: customer.mcus_in_use,
    credit_code: customer.credit_code ?? '',
    purchaser: customer.purchaser,
    factory: customer.factory,
    founded_on: customer.founded_on ? dayjs(customer.founded_on) : null,
    registered_capital: customer.registered_capital,
    major_events: customer.major_events,
    industry_position: customer.industry_position,
  };
}
