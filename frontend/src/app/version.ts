// SPEC §4: the SPA notices when the server serves another build (or runs another release) and
// asks for a reload. The build id is embedded at build time (vite.config.ts).

import type { VersionOut } from '../client';

export const OWN_BUILD: string = __BUILD_ID__;

export type ServerVersion = Pick<VersionOut, 'version' | 'build'>;

/**
 * Reload needed: the server serves a build other than the one running here, or its release
 * changed since this page first asked. A dev build ('dev') or an unbuilt server ('') never asks.
 */
export function reloadNeeded(own: string, first: ServerVersion | null, current: ServerVersion): boolean {
  if (own !== 'dev' && current.build !== '' && current.build !== own) return true;
  return first !== null && first.version !== current.version;
}
