import { describe, expect, it } from 'vitest';
import { reloadNeeded } from './version';

const served = (build: string, version = '0.1.0') => ({ build, version });

describe('the new-version check', () => {
  it('asks for a reload when the server serves another build than the one running', () => {
    expect(reloadNeeded('20261127-a', null, served('20261127-b'))).toBe(true);
  });

  it('stays quiet while the server serves this very build', () => {
    expect(reloadNeeded('20261127-a', served('20261127-a'), served('20261127-a'))).toBe(false);
  });

  it('never asks under the dev server or when the server has no SPA build', () => {
    expect(reloadNeeded('dev', null, served('20261127-b'))).toBe(false);
    expect(reloadNeeded('20261127-a', null, served(''))).toBe(false);
  });

  it('asks when the server release changed since the page first asked', () => {
    expect(reloadNeeded('dev', served('', '0.1.0'), served('', '0.2.0'))).toBe(true);
  });
});
