/**
 * The app's areas, registered in one list (areas/index.ts). An area is a top-level screen with its own
 * route segment, navigation entry and lazily loaded component; the shell knows nothing else about it.
 * Later issues add Inbox, Subscriptions, Playground, Deliveries, Keys and Verify by adding a definition.
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import type { AppState } from '../state/types.js';
import type { Route } from './hash-route.js';

export interface AreaProps {
  route: Route;
}

export interface AreaDef {
  /** The route segment (`#/<id>`): lower-case kebab-case, stable (people bookmark it). */
  id: string;
  /** Shown in the navigation, as the page heading and in the window title. */
  title: string;
  /**
   * Position in the navigation; the lowest is the home area. Reserved: inbox 10, subscriptions 20,
   * playground 30, deliveries 40, keys 50, verify 60, audit 80, settings 90.
   */
  order: number;
  /** Decorative icon beside the title in the navigation. */
  icon: ComponentType;
  component: ComponentType<AreaProps> | LazyExoticComponent<ComponentType<AreaProps>>;
  /** A count shown beside the navigation entry (e.g. unread captures); undefined or 0 shows nothing. */
  badge?: (state: AppState) => number | undefined;
}

export interface AreaRegistry {
  /** In navigation order. */
  readonly list: readonly AreaDef[];
  readonly home: AreaDef;
  find(id: string): AreaDef | undefined;
}

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

export function createAreaRegistry(areas: AreaDef[]): AreaRegistry {
  if (areas.length === 0) throw new Error('at least one area must be registered');
  const byId = new Map<string, AreaDef>();
  for (const area of areas) {
    if (!ID_PATTERN.test(area.id)) throw new Error(`area id "${area.id}" must be lower-case kebab-case`);
    if (byId.has(area.id)) throw new Error(`area id "${area.id}" is registered twice`);
    byId.set(area.id, area);
  }
  const list = [...areas].sort((a, b) => a.order - b.order);
  return { list, home: list[0]!, find: (id) => byId.get(id) };
}
