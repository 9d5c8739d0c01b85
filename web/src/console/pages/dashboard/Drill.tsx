/** A number that opens the ticket list behind it (or stays plain when nothing can be listed). */
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { drillHref } from './drill';
import type { StatsFilter } from './statsTypes';

export function Drill({ filter, children, title }: { filter: StatsFilter | null | undefined; children: ReactNode; title?: string }) {
  const href = drillHref(filter);
  if (!href) return <>{children}</>;
  return <Tooltip title={title}><Link to={href} className="db-drill">{children}</Link></Tooltip>;
}
