/** The top bar: product name and one link per registered area. */
import { areas } from '../areas/index.js';
import type { AreaDef } from '../router/area-registry.js';
import { hrefFor } from '../router/hash-route.js';
import { useAppStore } from '../state/use-app-store.js';
import { LogoIcon } from '../ui/icons.js';
import { TunnelPill } from './tunnel-pill.js';

export function Header({ currentAreaId }: { currentAreaId: string | undefined }) {
  return (
    <header className="app-header">
      <a className="brand" href={hrefFor(areas.home.id)}>
        <LogoIcon />
        <span className="brand-name">Hookscope</span>
      </a>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {areas.list.map((area) => (
            <li key={area.id}>
              <NavLink area={area} current={area.id === currentAreaId} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <TunnelPill />
      </div>
    </header>
  );
}

function NavLink({ area, current }: { area: AreaDef; current: boolean }) {
  const badge = useAppStore((s) => area.badge?.(s));
  const Icon = area.icon;
  return (
    <a className="nav-link" href={hrefFor(area.id)} aria-current={current ? 'page' : undefined}>
      <Icon />
      <span>{area.title}</span>
      {badge ? (
        <span className="nav-badge">
          {badge > 999 ? '999+' : badge}
          <span className="visually-hidden"> new</span>
        </span>
      ) : null}
    </a>
  );
}
