import { describe, expect, it } from 'vitest';
import { type AreaDef, createAreaRegistry } from '../../../renderer/router/area-registry.js';
import { hrefFor, parseHash } from '../../../renderer/router/hash-route.js';

const Dummy = () => null;
const area = (id: string, order: number): AreaDef => ({
  id,
  title: id,
  order,
  icon: Dummy,
  component: Dummy,
});

describe('hash routes', () => {
  it('parses area, segments and query; the empty fragment is home', () => {
    expect(parseHash('')).toBeUndefined();
    expect(parseHash('#/')).toBeUndefined();
    const route = parseHash('#/inbox/cap%2F1/raw?q=stripe&verdict=invalid');
    expect(route?.areaId).toBe('inbox');
    expect(route?.segments).toEqual(['cap/1', 'raw']);
    expect(route?.query.get('q')).toBe('stripe');
    expect(route?.query.get('verdict')).toBe('invalid');
  });

  it('builds fragments that parse back to the same route', () => {
    const href = hrefFor('inbox', ['cap/1'], { q: 'a b' });
    expect(href).toBe('#/inbox/cap%2F1?q=a+b');
    const route = parseHash(href);
    expect(route?.segments).toEqual(['cap/1']);
    expect(route?.query.get('q')).toBe('a b');
  });
});

describe('area registry', () => {
  it('lists areas by order; the first is home', () => {
    const registry = createAreaRegistry([area('settings', 90), area('inbox', 10), area('audit', 80)]);
    expect(registry.list.map((a) => a.id)).toEqual(['inbox', 'audit', 'settings']);
    expect(registry.home.id).toBe('inbox');
    expect(registry.find('audit')?.order).toBe(80);
    expect(registry.find('nope')).toBeUndefined();
  });

  it('refuses duplicate or malformed ids', () => {
    expect(() => createAreaRegistry([area('inbox', 1), area('inbox', 2)])).toThrow(/twice/);
    expect(() => createAreaRegistry([area('Inbox', 1)])).toThrow(/kebab-case/);
    expect(() => createAreaRegistry([])).toThrow(/at least one/);
  });
});
