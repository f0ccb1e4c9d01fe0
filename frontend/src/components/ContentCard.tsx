import { Card, Grid } from 'antd';
import type { ReactNode } from 'react';

/** The white card around a screen's table; tighter padding on phones. */
export function ContentCard({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return <Card styles={{ body: { padding: screens.md === false ? 12 : 24 } }}>{children}</Card>;
}
