import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from './lazyPage';

const Screen = () => null;
const missing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

describe('screens loaded on first visit', () => {
  afterEach(() => {
    sessionStorage.clear();
    vi.unstubAllGlobals();
  });

  it('gives the router the screen of the loaded module', async () => {
    await expect(page(() => Promise.resolve({ default: Screen }))()).resolves.toEqual({ Component: Screen });
  });

  it('reloads once when a new build has replaced the screen file, then shows the error', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    await expect(page(missing)()).rejects.toThrow('dynamically imported');
    expect(reload).toHaveBeenCalledTimes(1);
    await expect(page(missing)()).rejects.toThrow('dynamically imported');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload while offline (the reload would fail too)', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    await expect(page(missing)()).rejects.toThrow('dynamically imported');
    expect(reload).not.toHaveBeenCalled();
  });
});
