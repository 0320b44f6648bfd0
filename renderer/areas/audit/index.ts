import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { AuditIcon } from '../../ui/icons.js';

export const auditArea: AreaDef = {
  id: 'audit',
  title: 'Audit log',
  order: 80,
  icon: AuditIcon,
  component: lazy(() => import('./audit-area.js')),
};
