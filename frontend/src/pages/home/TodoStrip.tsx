import { Badge, Button, Flex, Tooltip, Typography } from 'antd';
import type { TodoKind, TodoStrip as Strip } from '../../client';
import { useT } from '../../locales/i18n';

// Kinds that call for action now are red when they hold anything, news is blue, nothing is grey.
const URGENT: ReadonlySet<TodoKind> = new Set<TodoKind>(['turning_red', 'overdue']);
const NOTHING = '#bfbfbf';

/** The to-do strip above the home list: each kind with its count; a click filters the list by
 * it, a second click clears the filter. */
export function TodoStrip({
  strip,
  active,
  onToggle,
}: {
  strip: Strip | undefined;
  active: TodoKind | null;
  onToggle: (kind: TodoKind) => void;
}) {
  const t = useT();
  if (!strip) return null;
  const days = strip.recent_days;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="todo-strip" role="group" aria-label={t('todo.label')}>
      <Typography.Text type="secondary">{t('todo.label')}</Typography.Text>
      {strip.counts.map(({ kind, count }) => {
        const on = active === kind;
        return (
          <Tooltip key={kind} title={on ? t('todo.toggleOff') : t(`todo.hint.${kind}`, { days })}>
            <Button
              size="small"
              shape="round"
              type={on ? 'primary' : 'default'}
              aria-pressed={on}
              onClick={() => onToggle(kind)}
              data-testid={`todo-${kind}`}
              data-count={count}
            >
              {t(`todo.${kind}`)}
              <Badge
                count={count}
                showZero
                size="small"
                color={count === 0 ? NOTHING : URGENT.has(kind) ? undefined : 'blue'}
                style={{ marginInlineStart: 4 }}
              />
            </Button>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
