import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { PlaygroundIcon } from '../deliveries/icon.js';

export const playgroundArea: AreaDef = {
  id: 'playground',
  title: 'Playground',
  order: 30,
  icon: PlaygroundIcon,
  component: lazy(() => import('./playground-area.js')),
};
