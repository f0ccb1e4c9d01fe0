// Keyboard entry on the order form: Enter moves to the next field (as Tab would), so a day's
// orders can be typed without the mouse.

const FIELDS = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled])';

/** The fields of `container` a user types into, in page order. */
export function entryFields(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FIELDS));
}

/** Focus the field after `from`; false when `from` is the last one. */
export function focusNext(container: HTMLElement, from: HTMLElement): boolean {
  const fields = entryFields(container);
  const index = fields.findIndex((field) => field === from || field.contains(from));
  const next = index >= 0 ? fields[index + 1] : undefined;
  if (!next) return false;
  next.focus();
  return true;
}

/** Focus an element by id once React has rendered it. */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
