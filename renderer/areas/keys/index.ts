import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { KeysIcon } from './keys-icon.js';

export const keysArea: AreaDef = {
  id: 'keys',
  title: 'Keys',
  order: 50,
  icon: KeysIcon,
  component: lazy(() => import('./keys-area.js')),
};
