import { useCallback, useEffect, useRef, type TouchEvent } from 'react';

/** How long a finger rests on a row before its menu opens (the phone's right click). */
export const LONG_PRESS_MS = 500;
/** A finger that moves further is scrolling, not pressing. */
const SLOP_PX = 10;

export interface LongPressHandlers {
  onTouchStart: (event: TouchEvent) => void;
  onTouchMove: (event: TouchEvent) => void;
  onTouchEnd: (event: TouchEvent) => void;
  onTouchCancel: () => void;
}

/**
 * Touch handlers for rows: a press held still for LONG_PRESS_MS calls `onLongPress(item, x, y)`
 * where the finger is; the tap that ends it does nothing else (no click on what is under it).
 */
export function useLongPress<T>(onLongPress: (item: T, x: number, y: number) => void): (item: T) => LongPressHandlers {
  const timer = useRef<number | undefined>(undefined);
  const origin = useRef<{ x: number; y: number } | null>(null);
  const fired = useRef(false);
  const callback = useRef(onLongPress);
  useEffect(() => {
    callback.current = onLongPress;
  });
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);

  return useCallback(
    (item: T) => ({
      onTouchStart: (event) => {
        const touch = event.touches[0];
        if (!touch || event.touches.length > 1) return cancel();
        const at = { x: touch.clientX, y: touch.clientY };
        origin.current = at;
        fired.current = false;
        cancel();
        timer.current = window.setTimeout(() => {
          fired.current = true;
          callback.current(item, at.x, at.y);
        }, LONG_PRESS_MS);
      },
      onTouchMove: (event) => {
        const touch = event.touches[0];
        const start = origin.current;
        if (touch && start && Math.hypot(touch.clientX - start.x, touch.clientY - start.y) > SLOP_PX) cancel();
      },
      onTouchEnd: (event) => {
        cancel();
        if (fired.current && event.cancelable) event.preventDefault(); // no click after the menu opened
      },
      onTouchCancel: cancel,
    }),
    [cancel],
  );
}
