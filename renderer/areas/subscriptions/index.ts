import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { SubscriptionsIcon } from './subscriptions-icon.js';

export const subscriptionsArea: AreaDef = {
  id: 'subscriptions',
  title: 'Subscriptions',
  order: 20,
  icon: SubscriptionsIcon,
  component: lazy(() => import('./subscriptions-area.js')),
};
