import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { InboxIcon } from './inbox-icon.js';

export const inboxArea: AreaDef = {
  id: 'inbox',
  title: 'Inbox',
  order: 10,
  icon: InboxIcon,
  component: lazy(() => import('./inbox-area.js')),
  badge: (state) => state.inbox.unread,
};
