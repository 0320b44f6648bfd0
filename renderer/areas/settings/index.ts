import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { SettingsIcon } from '../../ui/icons.js';

export const settingsArea: AreaDef = {
  id: 'settings',
  title: 'Settings',
  order: 90,
  icon: SettingsIcon,
  component: lazy(() => import('./settings-area.js')),
};
