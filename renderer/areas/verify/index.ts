import { lazy } from 'react';
import type { AreaDef } from '../../router/area-registry.js';
import { VerifyIcon } from './verify-icon.js';

export const verifyArea: AreaDef = {
  id: 'verify',
  title: 'Verify',
  order: 60,
  icon: VerifyIcon,
  component: lazy(() => import('./verify-area.js')),
};
