/** The frame around every area: header with navigation, the routed area, status bar and toasts. */
import { Suspense, useEffect } from 'react';
import { areas } from '../areas/index.js';
import { useRoute } from '../router/use-route.js';
import { Header } from './header.js';
import { NotFound } from './not-found.js';
import { ShortcutsOverlay } from './shortcuts-overlay.js';
import { StatusBar } from './status-bar.js';
import { StoreIssuesBanner } from './store-issues-banner.js';
import { Toasts } from './toasts.js';
import { useThemeSync } from './use-theme-sync.js';

export function AppShell() {
  useThemeSync();
  const route = useRoute();
  const area = route ? areas.find(route.areaId) : areas.home;
  const current =
    area && route ? route : { areaId: areas.home.id, segments: [], query: new URLSearchParams() };

  useEffect(() => {
    document.title = area ? `${area.title} · Hookscope` : 'Not found · Hookscope';
  }, [area]);

  const AreaComponent = area?.component;
  return (
    <div className="app">
      <Header currentAreaId={area?.id} />
      <main className="app-main" id="main">
        <StoreIssuesBanner />
        {AreaComponent ? (
          <Suspense
            fallback={
              <div className="area">
                <p className="loading" role="status">
                  Loading…
                </p>
              </div>
            }
          >
            <AreaComponent key={area.id} route={current} />
          </Suspense>
        ) : (
          <NotFound hash={window.location.hash} />
        )}
      </main>
      <StatusBar />
      <Toasts />
      <ShortcutsOverlay />
    </div>
  );
}
