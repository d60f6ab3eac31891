/** Pages inside the console, from `location.pathname` (the server sends /console/* to this app). */
export type Page = 'desk' | 'reports' | 'dashboard' | 'admin';

export const PAGE_PATHS: Record<Page, string> = {
  desk: '/console',
  reports: '/console/reports',
  dashboard: '/console/dashboard',
  admin: '/console/admin',
};

export function pageOf(pathname: string): Page {
  const p = pathname.replace(/\/+$/, '');
  if (p === PAGE_PATHS.reports) return 'reports';
  if (p === PAGE_PATHS.dashboard) return 'dashboard';
  if (p === PAGE_PATHS.admin) return 'admin';
  return 'desk';
}

export class RouterState {
  page = $state<Page>('desk');

  constructor() {
    if (typeof window === 'undefined') return;
    this.page = pageOf(window.location.pathname);
    window.addEventListener('popstate', () => {
      this.page = pageOf(window.location.pathname);
    });
  }

  go(page: Page): void {
    if (typeof window !== 'undefined' && window.location.pathname !== PAGE_PATHS[page]) {
      window.history.pushState(null, '', PAGE_PATHS[page]);
    }
    this.page = page;
  }
}
