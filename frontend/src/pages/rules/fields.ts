// The rules the vendor sets (SPEC §6): each with its unit and the server's bounds.
import type { RulesUpdate } from '../../client';
import type { MessageKey } from '../../locales/i18n';

export type RuleKey = keyof RulesUpdate;

export interface RuleField {
  key: RuleKey;
  unit: 'months' | 'days' | 'count';
  min: number;
  max: number;
  group: 'protection' | 'followup' | 'pool';
  label: MessageKey;
  help: MessageKey;
}

export const RULE_FIELDS: RuleField[] = [
  { key: 'protection_new_months', unit: 'months', min: 1, max: 36, group: 'protection', label: 'rules.protection_new_months', help: 'rules.protection_new_monthsHelp' },
  { key: 'protection_development_months', unit: 'months', min: 1, max: 60, group: 'protection', label: 'rules.protection_development_months', help: 'rules.protection_development_monthsHelp' },
  { key: 'review_interval_months', unit: 'months', min: 1, max: 60, group: 'protection', label: 'rules.review_interval_months', help: 'rules.review_interval_monthsHelp' },
  { key: 'near_expiry_days', unit: 'days', min: 1, max: 90, group: 'protection', label: 'rules.near_expiry_days', help: 'rules.near_expiry_daysHelp' },
  { key: 'followup_interval_days', unit: 'days', min: 1, max: 90, group: 'followup', label: 'rules.followup_interval_days', help: 'rules.followup_interval_daysHelp' },
  { key: 'pool_cooldown_days', unit: 'days', min: 0, max: 365, group: 'pool', label: 'rules.pool_cooldown_days', help: 'rules.pool_cooldown_daysHelp' },
  { key: 'pool_max_pending', unit: 'count', min: 1, max: 100, group: 'pool', label: 'rules.pool_max_pending', help: 'rules.pool_max_pendingHelp' },
];
