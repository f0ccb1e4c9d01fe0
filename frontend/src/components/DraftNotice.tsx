import { Alert, Button } from 'antd';
import { useT } from '../locales/i18n';
import type { FormDraft } from '../hooks/useFormDraft';

/** The small "draft restored · discard" hint above a form. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  const t = useT();
  if (!draft.restored) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="draft-restored"
      title={t('resilience.draftRestored')}
      style={{ marginBottom: 16 }}
      action={
        <Button size="small" onClick={draft.discard} data-testid="draft-discard">
          {t('resilience.draftDiscard')}
        </Button>
      }
    />
  );
}
