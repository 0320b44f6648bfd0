/** A route that names no area (an old bookmark, a typo): say so and offer the way home. */
import { areas } from '../areas/index.js';
import { hrefFor } from '../router/hash-route.js';

export function NotFound({ hash }: { hash: string }) {
  return (
    <section className="area" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p className="muted">
        Nothing lives at <code>{hash}</code> in this version of Hookscope.
      </p>
      <p>
        <a className="button" href={hrefFor(areas.home.id)}>
          Go to {areas.home.title}
        </a>
      </p>
    </section>
  );
}
