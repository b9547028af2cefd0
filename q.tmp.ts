import { Store } from '/work/main/analytics/db.ts';
const s = await Store.open('/tmp/demo-q.duckdb');
const rows = await s.all(process.argv[2]!);
console.table(rows);
s.close();
