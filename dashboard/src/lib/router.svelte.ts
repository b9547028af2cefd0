/** A small history router: the path and query string are the state of every view, so links can be sent. */
class Route {
  path = $state(location.pathname);
  query = $state(new URLSearchParams(location.search));

  sync = () => {
    this.path = location.pathname;
    this.query = new URLSearchParams(location.search);
  };
}

export const route = new Route();
window.addEventListener('popstate', route.sync);

export function navigate(url: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route.sync();
  if (!replace) window.scrollTo(0, 0);
}

/** Sets query parameters of the current path (used by filters). */
export function setQuery(values: Record<string, string | number>): void {
  const query = new URLSearchParams(route.query);
  for (const [key, value] of Object.entries(values)) query.set(key, String(value));
  navigate(`${route.path}?${query}`, { replace: true });
}

/** Click handler for in-app links: no full page reload. */
export function interceptLinks(event: MouseEvent): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey
  )
    return;
  const anchor = (event.target as Element).closest('a');
  if (
    !anchor ||
    anchor.target ||
    anchor.origin !== location.origin ||
    anchor.hasAttribute('download')
  )
    return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
