/**
 * Every area of the app, in one place. To add one (Inbox, Subscriptions, Playground, Deliveries, Keys,
 * Verify…): create `areas/<id>/index.ts` exporting an `AreaDef` with a lazily loaded component, and list
 * it here. The router, navigation and window title pick it up; nothing else changes.
 */
import { createAreaRegistry } from '../router/area-registry.js';
import { auditArea } from './audit/index.js';
import { deliveriesArea } from './deliveries/index.js';
import { inboxArea } from './inbox/index.js';
import { keysArea } from './keys/index.js';
import { playgroundArea } from './playground/index.js';
import { settingsArea } from './settings/index.js';
import { subscriptionsArea } from './subscriptions/index.js';
import { verifyArea } from './verify/index.js';

export const areas = createAreaRegistry([
  inboxArea,
  auditArea,
  settingsArea,
  playgroundArea,
  deliveriesArea,
  keysArea,
  verifyArea,
  subscriptionsArea,
]);
