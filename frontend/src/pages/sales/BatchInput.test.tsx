import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BatchInput } from './BatchInput';

function Harness({ initial = [], onDone }: { initial?: string[]; onDone?: () => void }) {
  const [value, setValue] = useState<string[]>(initial);
  return <BatchInput value={value} onChange={setValue} onDone={onDone} />;
}

const tags = () => screen.queryAllByTestId('batch-tag').map((tag) => tag.textContent);

describe('the batch-number tag input', () => {
  it('turns a pasted list into tags, in order, without repeats', () => {
    render(<Harness initial={['B2']} />);
    const input = screen.getByRole('textbox');
    fireEvent.paste(input, { clipboardData: { getData: () => 'B1\nB2, B3;B4  B5\n' } });
    expect(tags()).toEqual(['B2', 'B1', 'B3', 'B4', 'B5']);
  });

  it('adds a typed number on a separator or Enter; Enter on an empty input moves on', () => {
    const onDone = vi.fn();
    render(<Harness onDone={onDone} />);
    const input = screen.getByRole('textbox');
    fireEvent.change(input, { target: { value: 'X1,' } });
    fireEvent.change(input, { target: { value: 'X2' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(tags()).toEqual(['X1', 'X2']);
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onDone).toHaveBeenCalledOnce();
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tags()).toEqual(['X1']);
  });
});
