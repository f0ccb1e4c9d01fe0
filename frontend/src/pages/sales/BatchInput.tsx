import { Flex, Input, Tag } from 'antd';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useT } from '../../locales/i18n';
import { hasSeparator, mergeBatches, splitBatches } from './orderForm';

export interface BatchInputProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  /** Enter on an empty input: the caller moves on (e.g. adds the next line). */
  onDone?: () => void;
}

/**
 * Batch numbers as tags (any number of them, kept in order). Typing a separator or Enter adds
 * the typed number; pasting a list (comma, space, newline or semicolon separated) adds them all.
 */
export function BatchInput({ value = [], onChange, id, onDone }: BatchInputProps) {
  const t = useT();
  const [text, setText] = useState('');
  const add = (numbers: string[]) => {
    const next = mergeBatches(value, numbers);
    if (next.length !== value.length) onChange?.(next);
  };
  const commit = () => {
    if (!text.trim()) return;
    add(splitBatches(text));
    setText('');
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (!hasSeparator(pasted.trim())) return; // one number: let it land in the input
    e.preventDefault();
    add(splitBatches(`${text} ${pasted}`));
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (text.trim()) commit();
      else onDone?.();
    } else if (e.key === 'Enter') {
      commit(); // Ctrl+Enter saves the order: keep what was typed
    } else if (e.key === 'Backspace' && !text && value.length > 0) {
      onChange?.(value.slice(0, -1));
    }
  };

  return (
    <Flex
      wrap
      gap={4}
      align="center"
      className="batch-input"
      data-testid="batch-input"
      style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '3px 6px', minHeight: 32, background: '#fff' }}
    >
      {value.map((batch) => (
        <Tag
          key={batch}
          closable
          onClose={(e) => {
            e.preventDefault();
            onChange?.(value.filter((b) => b !== batch));
          }}
          data-testid="batch-tag"
          style={{ marginInlineEnd: 0 }}
        >
          {batch}
        </Tag>
      ))}
      <Input
        id={id}
        value={text}
        size="small"
        variant="borderless"
        placeholder={value.length === 0 ? t('sales.batches.placeholder') : undefined}
        aria-label={t('sales.line.batches')}
        onChange={(e) => {
          const typed = e.target.value;
          if (hasSeparator(typed)) {
            add(splitBatches(typed));
            setText('');
          } else setText(typed);
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
        onBlur={commit}
        style={{ flex: '1 0 120px', minWidth: 120 }}
      />
    </Flex>
  );
}
