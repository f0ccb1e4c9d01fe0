// A snapshot field's path as words: each key by its label, list positions counted from 1, the
// stage keys of the stage probabilities by the stage's name.
import type { MessageKey, Translate } from '../../locales/i18n';

function translated(t: Translate, key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

export function fieldLabel(t: Translate, parts: (string | number)[]): string {
  return parts
    .map((part, index) => {
      if (typeof part === 'number') return `#${part + 1}`;
      const stage = parts[index - 1] === 'stage_probabilities' ? translated(t, `stage.${part}`) : null;
      return stage ?? translated(t, `audit.field.${part}`) ?? part;
    })
    .join(' · ');
}

// Fields whose values are codes the SPA already has labels for.
const VALUE_LABELS: Record<string, string> = {
  stage: 'stage.',
  project_stage: 'stage.',
  audience: 'ann.audience.',
  importance: 'ann.importance.',
  role: 'role.',
};

/** A code (a stage, an audience…) by its label, or null when the field holds no known code. */
export function valueLabel(t: Translate, key: string, value: unknown): string | null {
  const prefix = VALUE_LABELS[key];
  return prefix && typeof value === 'string' ? translated(t, `${prefix}${value}`) : null;
}
