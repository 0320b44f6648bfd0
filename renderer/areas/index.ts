/**
 * Every area of the app, in one place. To add one (Inbox, Subscriptions, Playground, Deliveries, Keys,
 * Verify…): create `areas/<id>/index.ts` exporting an `AreaDef` with a lazily loaded component, and list
 * it here. The router, navigation and window title pick it up; nothing else changes.
 */
import { createAreaRegistry } from '../router/area-registry.js';
import { auditArea } from './audit/index.js';
import { settingsArea } from './settings/index.js';

export const areas = createAreaRegistry([auditArea, settingsArea]);
