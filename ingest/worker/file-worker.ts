/**
 * The file worker: a child process of the server (or command), so that reading and checking a
 * large file never stalls the server, and a file that exhausts the worker's memory ends only
 * the worker. It keeps the files it has read until told to close them; it never opens the
 * store (what checking needs from it comes as CheckData).
 */
import { ProblemList } from '../../contract/imports/problems.ts';
import { customFormat } from '../custom/mapping.ts';
import { proposeMapping } from '../custom/propose.ts';
import { recognise, type Recognised } from '../import-rows.ts';
import { openFile } from '../read/open-file.ts';
import type { SourceFile } from '../read/table.ts';
import { loadLevelMappings } from '../reference/levels.ts';
import { ScaleBook } from '../reference/grading-scales.ts';
import { SchoolMatcher } from '../schools.ts';
import { ClusterNameBook } from '../reference/cluster-names.ts';
import { loadOrCreateSalt } from '../teacher-key.ts';
import { isWhole, prepareRows, type Prepared } from '../prepared.ts';
import type { Checked, CheckData, Opened, PieceKey, Reply, Request } from './protocol.ts';

/** Items per piece: a piece of this size is read by the server in a few milliseconds. */
const PIECE = 5_000;

const post = (reply: Reply) => process.send!(reply);
const files = new Map<number, { file: SourceFile; found?: Recognised }>();
/** per request, the piece waiting for its acknowledgement (flow control: one piece at a time) */
const acks = new Map<number, () => void>();

// The server or command that started the worker has ended (even if killed): so does the worker.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: Request) => {
  if (request.type === 'ack') return acks.get(request.id)?.();
  if (request.type === 'close') return files.delete(request.file);
  post({ type: 'started', id: request.id });
  handle(request).then(
    (result) => post({ type: 'done', id: request.id, result }),
    (error: unknown) =>
      post({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

async function handle(request: Exclude<Request, { type: 'ack' | 'close' }>) {
  switch (request.type) {
    case 'open':
      return open(request);
    case 'check':
      return check(request.id, request.file, request.data);
    case 'propose':
      return proposeMapping(request.name, request.bytes);
  }
}

async function open(request: Extract<Request, { type: 'open' }>): Promise<Opened> {
  const read = await openFile(request.name, request.bytes, request.limits);
  if ('outcome' in read) return { refused: read };
  const found = recognise(read, request.mappings.map(customFormat));
  files.set(request.id, { file: read, found });
  return {
    sha256: read.sha256,
    recognised: found && {
      formatId: found.format.id,
      dataset: found.format.dataset,
      sheetName: found.sheet.name,
    },
  };
}

async function check(id: number, fileId: number, data: CheckData): Promise<Checked> {
  const { file, found } = files.get(fileId)!;
  const problems = new ProblemList();
  const schools = new SchoolMatcher(data.registry, data.createMissing);
  let salt = data.salt.key;
  const parsed = found!.format.parse({
    file,
    sheet: found!.sheet,
    problems,
    schools,
    reference: {
      levels: loadLevelMappings(data.levelsPath),
      scales: new ScaleBook(new Map(data.scales)),
      teacherSalt: () => (salt ??= loadOrCreateSalt(data.salt.path)),
      clusterNames: new ClusterNameBook(data.clusterNames),
    },
    given: data.given,
    progress: (done, total) => post({ type: 'progress', id, done, total }),
  });
  // A file with errors is refused: its records are never needed.
  const prepared = prepareRows(parsed, !problems.hasErrors);
  return {
    problems: { items: problems.items, dropped: problems.dropped, errors: problems.errorTotal },
    created: schools.created,
    prepared: await sendPieces(id, prepared),
  };
}

/**
 * Sends the long arrays of prepared rows in pieces, each after the last was taken, so that the
 * server's thread reads one piece at a time between its requests; returns the rest.
 */
async function sendPieces(id: number, prepared: Prepared): Promise<Prepared> {
  if (isWhole(prepared)) return prepared;
  const send = async (key: PieceKey, items: unknown[]) => {
    for (let start = 0; start < items.length; start += PIECE) {
      const taken = new Promise<void>((resolve) => acks.set(id, resolve));
      post({ type: 'piece', id, key, items: items.slice(start, start + PIECE) });
      await taken;
    }
    acks.delete(id);
  };
  await send('scopes', prepared.scopes);
  await send('ownScopes', prepared.ownScopes);
  for (const [index, table] of prepared.tables.entries()) await send(index, table.records);
  return {
    ...prepared,
    scopes: [],
    ownScopes: [],
    tables: prepared.tables.map((table) => ({ table: table.table, records: [] })),
  };
}
