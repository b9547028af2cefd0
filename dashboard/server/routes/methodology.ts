/**
 * The methodology in force with its history; a preview of the flags a changed methodology would
 * add or remove (nothing stored); and saving it as a new version, which rebuilds the models.
 */
import type { Context } from 'hono';
import type { AccessControl, App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { describeIssues, methodologySchema } from '../../../contract/methodology.ts';
import { methodologyInForce, methodologyRevisions } from '../../../analytics/methodology-store.ts';
import { previewFlags } from '../../../analytics/flags-preview.ts';
import { refreshModels } from '../../../analytics/rebuild.ts';
import { year } from '../params.ts';
import type { Queue } from '../write-queue.ts';

async function candidateOf(c: Context) {
  const body = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {
      error:
        'Методика не прошла проверку: ожидался объект методики в формате JSON (как analytics/methodology.default.json), а пришёл не JSON.',
    };
  }
  const parsed = methodologySchema.safeParse(json);
  return parsed.success
    ? { methodology: parsed.data }
    : { error: `Методика не прошла проверку: ${describeIssues(parsed.error)}` };
}

export function register(app: App, store: Store, queued: Queue, access: AccessControl): void {
  app.get('/api/methodology', async (c) => {
    const [inForce, revisions] = await Promise.all([
      methodologyInForce(store),
      methodologyRevisions(store),
    ]);
    return c.json({ ...inForce, revisions });
  });

  app.post('/api/methodology/preview', async (c) => {
    const candidate = await candidateOf(c);
    if ('error' in candidate) return c.json(candidate, 400);
    const wanted = year.safeParse(c.req.query('year'));
    return c.json(
      await previewFlags(store, candidate.methodology, wanted.success ? wanted.data : null),
    );
  });

  app.post('/api/methodology', async (c) => {
    const candidate = await candidateOf(c);
    if ('error' in candidate) return c.json(candidate, 400);
    const { methodology } = candidate;
    const known = [
      (await methodologyInForce(store)).methodology.version,
      ...(await methodologyRevisions(store)).map((r) => r.version),
    ];
    if (known.includes(methodology.version))
      return c.json(
        {
          error: `Версия методики «${methodology.version}» уже есть: дайте изменённой методике новое название версии.`,
        },
        409,
      );
    await queued((session) =>
      refreshModels(session, { kind: 'methodology', methodology, user: c.get('viewer').login }),
    );
    access.record(c, 'methodology', `новая версия «${methodology.version}»`);
    return c.json({ ok: true, version: methodology.version });
  });
}
