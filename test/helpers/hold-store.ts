/**
 * Holds a store open the way a long import does: `node --import tsx hold-store.ts <store>` prints
 * «held» once the store is open and closes it when its standard input ends.
 */
import { Store } from '../../analytics/db.ts';

const store = await Store.open(process.argv[2]!);
console.log('held');
process.stdin.resume();
process.stdin.on('end', () => store.close());
