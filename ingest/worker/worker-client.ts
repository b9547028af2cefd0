/**
 * The server's (or the command's) side of the file worker: one child process, started on first
 * use, with its own heap ceiling and a time limit per request. A request over a limit, or a
 * cancel, ends the worker: every request in it fails with ImportStopped, and the next request
 * starts a new worker. (A worker thread would share the server's process: V8 may abort the
 * whole process when a thread exhausts its heap.)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { CustomMapping, MappingProposal } from '../../contract/imports/custom-mapping.ts';
import { formatInt, formatNumber } from '../../contract/format.ts';
import { isWhole } from '../prepared.ts';
import type {
  CheckData,
  Checked,
  Opened,
  PieceKey,
  ReadLimits,
  Reply,
  Request,
} from './protocol.ts';

/** tsx's loader, so that the worker runs TypeScript as the server does (found without Vite's help). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export type StopReason = 'time' | 'memory' | 'cancelled' | 'crashed';

/** Reading or checking a file stopped before it ended; nothing of it reached the store. */
export class ImportStopped extends Error {
  constructor(
    readonly reason: StopReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'ImportStopped';
  }
}

export interface WorkerLimits {
  /** the worker's heap ceiling (IMPORT_MEMORY_MB, default 4 096: a 180 000 × 20 XLSX peaks near 2,6 GB) */
  memoryMb: number;
  /** how long one read or one check may take (IMPORT_TIME_LIMIT_S, default 300) */
  timeSeconds: number;
}

export function workerLimits(env: NodeJS.ProcessEnv = process.env): WorkerLimits {
  return {
    memoryMb: Number(env.IMPORT_MEMORY_MB) || 4096,
    timeSeconds: Number(env.IMPORT_TIME_LIMIT_S) || 300,
  };
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?(done: number, total: number): void;
  pieces: Map<PieceKey, unknown[]>;
  timer?: NodeJS.Timeout;
}

/** A file read by the worker, kept there until closed. */
export interface OpenedFile {
  opened: Opened;
  check(data: CheckData, onProgress?: (done: number, total: number) => void): Promise<Checked>;
  close(): void;
}

/** A request as the caller gives it: the id is added when it is sent. */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;
type Sent = WithoutId<Request>;

export class FileWorker {
  private worker?: ChildProcess;
  /** the end of the worker's error output, to tell an exhausted heap from another failure */
  private errorTail = '';
  /** which worker a file was opened in: a stopped worker's files are gone */
  private generation = 0;
  private lastStop?: ImportStopped;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `limits` are read when a worker starts (and for each request's timer). */
  constructor(private readonly limits: () => WorkerLimits = () => workerLimits()) {}

  async open(
    name: string,
    bytes: Uint8Array,
    limits: ReadLimits,
    mappings: CustomMapping[],
  ): Promise<OpenedFile> {
    const id = this.nextId++;
    const opened = await this.request<Opened>({ type: 'open', name, bytes, limits, mappings }, id);
    const generation = this.generation;
    return {
      opened,
      check: (data, onProgress) =>
        generation === this.generation
          ? this.request<Checked>({ type: 'check', file: id, data }, this.nextId++, onProgress)
          : Promise.reject(this.lastStop!),
      close: () => {
        if (generation === this.generation && 'sha256' in opened)
          this.worker?.send({ type: 'close', id: this.nextId++, file: id } satisfies Request);
      },
    };
  }

  propose(name: string, bytes: Uint8Array): Promise<MappingProposal | { error: string }> {
    return this.request({ type: 'propose', name, bytes }, this.nextId++);
  }

  /** Whether a file is being read or checked now. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops what the worker is doing; false when it is doing nothing. */
  cancel(): boolean {
    if (this.pending.size === 0) return false;
    this.stop(cancelled());
    return true;
  }

  /** Ends the worker, and with it what it was doing (a command's last step; tests). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    keepAlive(worker, true);
    this.stop(cancelled());
    if (worker.exitCode === null && worker.signalCode === null) await exited;
  }

  private request<T>(message: Sent, id: number, onProgress?: Pending['onProgress']): Promise<T> {
    const worker = this.thread();
    keepAlive(worker, true);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (result: unknown) => void,
        reject,
        onProgress,
        pieces: new Map(),
      });
      worker.send({ ...message, id });
    });
  }

  private thread(): ChildProcess {
    if (this.worker) return this.worker;
    const limits = this.limits();
    const worker = fork(new URL('./file-worker.ts', import.meta.url), [], {
      execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    this.errorTail = '';
    worker.stderr!.on('data', (chunk: Buffer) => {
      this.errorTail = (this.errorTail + chunk.toString()).slice(-4000);
    });
    worker.on('message', (reply: Reply) => this.receive(reply));
    worker.on('exit', (code, signal) => {
      if (worker !== this.worker) return;
      const memory = /heap out of memory/i.test(this.errorTail);
      this.stop(memory ? limitStop('memory', limits) : crashed(`код ${code ?? signal}`));
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    switch (reply.type) {
      case 'started':
        const limits = this.limits();
        pending.timer = setTimeout(
          () => this.stop(limitStop('time', limits)),
          limits.timeSeconds * 1000,
        );
        return;
      case 'progress':
        return pending.onProgress?.(reply.done, reply.total);
      case 'piece': {
        const items = pending.pieces.get(reply.key) ?? [];
        for (const item of reply.items) items.push(item);
        pending.pieces.set(reply.key, items);
        this.worker?.send({ type: 'ack', id: reply.id } satisfies Request);
        return;
      }
      case 'done':
        this.settle(reply.id);
        return pending.resolve(withPieces(reply.result, pending.pieces));
      case 'failed':
        this.settle(reply.id);
        return pending.reject(new Error(`Ошибка обработчика файлов: ${reply.message}`));
    }
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
    if (this.pending.size === 0 && this.worker) keepAlive(this.worker, false);
  }

  /** Every request in the worker fails with `error`; the next request starts a new worker. */
  private stop(error: ImportStopped): void {
    const worker = this.worker;
    this.worker = undefined;
    this.generation++;
    this.lastStop = error;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) {
      clearTimeout(request.timer);
      request.reject(error);
    }
    worker?.kill('SIGKILL');
  }
}

/** An idle worker must not keep a finished command running: neither it, its channel nor its pipe. */
function keepAlive(worker: ChildProcess, on: boolean): void {
  const handles = [worker, worker.channel, worker.stderr as Socket | null];
  for (const handle of handles) {
    if (on) handle?.ref();
    else handle?.unref();
  }
}

/** A limit's refusal, naming the limit and what to do. */
function limitStop(reason: 'time' | 'memory', limits: WorkerLimits): ImportStopped {
  return reason === 'time'
    ? new ImportStopped(
        'time',
        `чтение и проверка файла не уложились в ${formatNumber(limits.timeSeconds)} с (предел времени на файл): разделите файл на части или попросите администратора увеличить предел (IMPORT_TIME_LIMIT_S)`,
      )
    : new ImportStopped(
        'memory',
        `файлу не хватило памяти обработчика (предел ${formatInt(limits.memoryMb)} МБ): разделите файл на части или попросите администратора увеличить предел (IMPORT_MEMORY_MB)`,
      );
}

const cancelled = () =>
  new ImportStopped('cancelled', 'загрузка отменена до записи: в хранилище ничего не изменилось');

const crashed = (detail: string) =>
  new ImportStopped('crashed', `обработчик файлов остановился с ошибкой (${detail})`);

/** A check's rows, with the long arrays put back from their pieces. */
function withPieces(result: unknown, pieces: Map<PieceKey, unknown[]>): unknown {
  if (pieces.size === 0) return result;
  const { prepared } = result as Checked;
  if (isWhole(prepared)) return result;
  const piece = (key: PieceKey) => pieces.get(key) ?? [];
  return {
    ...(result as Checked),
    prepared: {
      ...prepared,
      scopes: piece('scopes'),
      ownScopes: piece('ownScopes'),
      tables: prepared.tables.map((table, index) => ({ ...table, records: piece(index) })),
    },
  };
}
