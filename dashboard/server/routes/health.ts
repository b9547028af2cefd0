/** The store at a glance: schools, years, demo or not, the data date, the methodology in force. */
import type { App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import type { Health } from '../../../contract/api/types.ts';

interface HealthRow {
  schools_count: number;
  years: number[];
  is_demo: boolean;
  data_date: string | null;
  methodology_version: string;
  min_n: number;
}

export function register(app: App, store: Store): void {
  app.get('/api/health', async (c) => {
    const [row] = await runQuery<HealthRow>(store, 'health');
    const health: Health = {
      ok: true,
      schoolsCount: row!.schools_count,
      years: row!.years,
      isDemo: row!.is_demo,
      dataDate: row!.data_date,
      methodologyVersion: row!.methodology_version,
      minN: row!.min_n,
    };
    return c.json(health);
  });
}
