import { onlineManager } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi, connectivity } from '../api';
import { OfflineBanner } from './OfflineBanner';

const BASE = 'http://channeldesk.test';

describe('the offline banner', () => {
  let serverUp = true;
  beforeEach(() => {
    serverUp = true;
    configureApi({
      baseUrl: BASE,
      fetch: vi.fn(async () => {
        if (!serverUp) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify({ api: 'v1', version: '0.1.0', build: '' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    });
  });
  afterEach(() => {
    connectivity.answered();
    onlineManager.setOnline(true);
    vi.restoreAllMocks();
  });

  it('shows when calls fail with a network error although the browser says online, and goes once the server answers', async () => {
    render(<OfflineBanner />);
    expect(screen.queryByTestId('offline-banner')).toBeNull();

    serverUp = false;
    act(() => connectivity.failed());
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent('暂时无法连接服务器');
    expect(onlineManager.isOnline()).toBe(false); // queries pause instead of failing

    serverUp = true; // the probe's next answer brings it back
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).toBeNull(), { timeout: 3000 });
    expect(onlineManager.isOnline()).toBe(true);
  });

  it('shows when the browser goes offline', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineBanner />);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent('网络已断开');
    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).toBeNull());
  });
});
