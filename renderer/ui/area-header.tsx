/** The heading row every area starts with: title, one line on what it is for, optional actions. */
import type { ReactNode } from 'react';

export function AreaHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="area-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="muted">{description}</p>}
      </div>
      {actions && <div className="area-actions">{actions}</div>}
    </div>
  );
}
