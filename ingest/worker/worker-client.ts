/**
 * The server's (or the command's) side of the file worker: one worker thread per process,
 * started on first use, with its own memory ceiling and a time limit per request. A request
 * over a limit, or a cancel, stops the worker: every request in it fails with ImportStopped,
 * and the next request starts a new worker.
 */
import { Worker } from 'node:worker_threads';
import type { CustomMapping, MappingProposal } from '../../contract/imports/custom-mapping.ts';
import { formatInt, formatNumber } from '../../contract/format.ts';
import type {
  CheckData,
  Checked,
  Opened,
  PieceKey,
  ReadLimits,
  Reply,
  Request,
} from './protocol.ts';

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
  /** the worker's heap ceiling (IMPORT_MEMORY_MB, default 3 072) */
  memoryMb: number;
  /** how long one read or one check may take (IMPORT_TIME_LIMIT_S, default 300) */
  timeSeconds: number;
}

export function workerLimits(env: NodeJS.ProcessEnv = process.env): WorkerLimits {
  return {
    memoryMb: Number(env.IMPORT_MEMORY_MB) || 3072,
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

type Sent = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class FileWorker {
  private worker?: Worker;
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
    const id = this.nextId;
    const opened = await this.request<Opened>({ type: 'open', name, bytes, limits, mappings });
    const generation = this.generation;
    return {
      opened,
      check: (data, onProgress) =>
        generation === this.generation
          ? this.request<Checked>({ type: 'check', file: id, data }, onProgress)
          : Promise.reject(this.lastStop!),
      close: () => {
        if (generation === this.generation && 'sha256' in opened)
          void this.request({ type: 'close', file: id });
      },
    };
  }

  propose(name: string, bytes: Uint8Array): Promise<MappingProposal | { error: string }> {
    return this.request({ type: 'propose', name, bytes });
  }

  /** Whether a file is being read or checked now. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops what the worker is doing; false when it is doing nothing. */
  cancel(): boolean {
    if (this.pending.size === 0) return false;
    this.stop(
      new ImportStopped(
        'cancelled',
        'загрузка отменена до записи: в хранилище ничего не изменилось',
      ),
    );
    return true;
  }

  /** Ends the worker (a command's last step; a server's stop). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private request<T>(message: Sent, onProgress?: Pending['onProgress']): Promise<T> {
    const id = this.nextId++;
    const worker = this.thread();
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (result: unknown) => void,
        reject,
        onProgress,
        pieces: new Map(),
      });
      worker.postMessage({ ...message, id });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./file-worker.ts', import.meta.url).href },
      resourceLimits: { maxOldGenerationSizeMb: this.limits().memoryMb },
    });
    worker.on('message', (reply: Reply) => this.receive(reply));
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.stop(memory ? limitStop('memory', this.limits()) : crashed(error.message));
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.stop(crashed(`код завершения ${code}`));
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
        this.worker?.postMessage({ type: 'ack', id: reply.id } satisfies Request);
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
    if (this.pending.size === 0) this.worker?.unref();
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
    void worker?.terminate();
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

const crashed = (detail: string) =>
  new ImportStopped('crashed', `обработчик файлов остановился с ошибкой (${detail})`);

/** A check's rows, with the long arrays put back from their pieces. */
function withPieces(result: unknown, pieces: Map<PieceKey, unknown[]>): unknown {
  if (pieces.size === 0) return result;
  const { prepared } = result as Checked;
  if (prepared.dataset === 'registry') return result;
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
