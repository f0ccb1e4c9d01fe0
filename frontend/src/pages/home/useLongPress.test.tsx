import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LONG_PRESS_MS, useLongPress } from './useLongPress';

function Row({ onPress, onClick }: { onPress: (item: string, x: number, y: number) => void; onClick: () => void }) {
  const longPress = useLongPress<string>(onPress);
  return (
    <div data-testid="row" onClick={onClick} {...longPress('锐进')}>
      东莞市锐进电器有限公司
    </div>
  );
}

const at = (x: number, y: number) => ({ touches: [{ clientX: x, clientY: y }] });

describe('a long press on a row (the phone’s right click)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the menu where the finger rests, once it has rested long enough', () => {
    const onPress = vi.fn();
    render(<Row onPress={onPress} onClick={vi.fn()} />);
    fireEvent.touchStart(screen.getByTestId('row'), at(40, 120));
    vi.advanceTimersByTime(LONG_PRESS_MS - 1);
    expect(onPress).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onPress).toHaveBeenCalledWith('锐进', 40, 120);
  });

  it('does nothing for a tap or a finger that scrolls', () => {
    const onPress = vi.fn();
    render(<Row onPress={onPress} onClick={vi.fn()} />);
    const row = screen.getByTestId('row');
    fireEvent.touchStart(row, at(40, 120));
    fireEvent.touchEnd(row);
    fireEvent.touchStart(row, at(40, 120));
    fireEvent.touchMove(row, at(40, 160));
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(onPress).not.toHaveBeenCalled();
  });

  it('swallows the tap that ends a long press', () => {
    render(<Row onPress={vi.fn()} onClick={vi.fn()} />);
    const row = screen.getByTestId('row');
    fireEvent.touchStart(row, at(40, 120));
    vi.advanceTimersByTime(LONG_PRESS_MS);
    const end = new TouchEvent('touchend', { bubbles: true, cancelable: true });
    row.dispatchEvent(end);
    expect(end.defaultPrevented).toBe(true);
  });
});
