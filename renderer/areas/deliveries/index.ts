import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { DeliveriesIcon } from './icon.js';

export const deliveriesArea: AreaDef = {
  id: 'deliveries',
  title: 'Deliveries',
  order: 40,
  icon: DeliveriesIcon,
  component: lazy(() => import('./deliveries-area.js')),
};
