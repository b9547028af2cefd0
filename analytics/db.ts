/**
 * The only module that touches DuckDB. Everything else asks a Store for rows
 * by SQL file name or with parameterised SQL; values are always bound, never spliced.
 */
import {
  DuckDBDataChunk,
  DuckDBTypeId,
  DuckDBInstance,
  dateValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { chmodSync, existsSync } from 'node:fs';

/** An ISO date («2023-10-03») appended to a DATE column as DuckDB's date; other values as given. */
function appendable(type: DuckDBType, value: DuckDBValue): DuckDBValue {
  if (type.typeId !== DuckDBTypeId.DATE || typeof value !== 'string') return value;
  return dateValue(Math.round(Date.parse(`${value}T00:00:00Z`) / 86_400_000));
}

/** DuckDB's vector size: the rows of one appended chunk. */
const CHUNK_ROWS = 2048;

export type Params = Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/**
 * The store holds pupils' results: its file (and a write-ahead log left by a crash) readable by
 * the owner only (600), like the users, audit and salt files; a store made 644 by an earlier
 * version is tightened when opened.
 */
function ownerOnly(path: string): void {
  for (const file of [path, `${path}.wal`]) if (existsSync(file)) chmodSync(file, 0o600);
}

export class Store {
  /** Connections of their own for reads (see addReaders); idle ones wait in `idleReaders`. */
  private readers: DuckDBConnection[] = [];
  private idleReaders: DuckDBConnection[] = [];
  private waitingReads: ((connection: DuckDBConnection) => void)[] = [];
  /** Open transactions on the main connection: their reads must see their writes. */
  private transactions = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
    private readonly ownsInstance: boolean,
  ) {}

  /**
   * Opens (or creates) the store file. Fails with a Russian message when another process holds
   * it. `memoryLimit` (e.g. '3GB') caps DuckDB's memory; beyond it, large work spills to disk.
   */
  static async open(path: string, options: { memoryLimit?: string } = {}): Promise<Store> {
    let instance: DuckDBInstance;
    try {
      const config: Record<string, string> = {};
      if (options.memoryLimit) config.memory_limit = options.memoryLimit;
      instance = await DuckDBInstance.create(path, config);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (/lock/i.test(text)) {
        throw new StoreLockedError(path, text);
      }
      throw error;
    }
    ownerOnly(path);
    const connection = await instance.connect();
    return new Store(instance, connection, path, true);
  }

  /**
   * A second connection to the same store. Writers (imports) use one, so that their open
   * transaction is never seen by readers on the main connection. Close it when done.
   */
  async session(): Promise<Store> {
    return new Store(this.instance, await this.instance.connect(), this.path, false);
  }

  /**
   * Lets reads (`all`, `one`, `table`) run on `count` connections of their own, so that the
   * queries of concurrent requests, and of one page's Promise.all, are planned and run side by
   * side rather than one after another. For the server's store, which writes only through
   * sessions; a transaction on this store still reads on its own connection.
   */
  async addReaders(count: number): Promise<void> {
    for (let i = 0; i < count; i++) this.readers.push(await this.instance.connect());
    this.idleReaders.push(...this.readers);
  }

  /** Runs a read on an idle reader connection (waiting for one), else on the main connection. */
  private async read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.readers.length === 0 || this.transactions > 0) return work(this.connection);
    const connection =
      this.idleReaders.pop() ??
      (await new Promise<DuckDBConnection>((resolve) => this.waitingReads.push(resolve)));
    try {
      return await work(connection);
    } finally {
      const next = this.waitingReads.shift();
      if (next) next(connection);
      else this.idleReaders.push(connection);
    }
  }

  /** Runs one statement (or several separated by `;` when no params are given). */
  async run(sql: string, params?: Params): Promise<void> {
    if (params) await this.connection.run(sql, params);
    else await this.connection.run(sql);
  }

  /** Runs a query and returns plain JS rows. Cast BIGINT in SQL: JSON cannot carry BigInt. */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return (await this.table<T>(sql, params)).rows;
  }

  /** Runs a query and returns its rows with the column names (known even when no row came). */
  async table<T = Row>(sql: string, params?: Params): Promise<{ columns: string[]; rows: T[] }> {
    const reader = await this.read((connection) =>
      params ? connection.runAndReadAll(sql, params) : connection.runAndReadAll(sql),
    );
    return { columns: reader.columnNames(), rows: reader.getRowObjectsJS() as T[] };
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs `work` in one transaction: all of it is written, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    this.transactions++;
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    } finally {
      this.transactions--;
    }
  }

  /** Runs `work` in a transaction that is always rolled back: a trial run that writes nothing. */
  async trial<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    this.transactions++;
    try {
      return await work();
    } finally {
      this.transactions--;
      await this.connection.run('ROLLBACK');
    }
  }

  /**
   * Appends rows in column chunks (one native write per column and chunk, not per value), each
   * row after the `leading` values (e.g. a batch id). Between chunks the event loop is let run,
   * so a large append never stalls the server's other requests.
   */
  async append(
    table: string,
    rows: readonly (readonly DuckDBValue[])[],
    leading: readonly DuckDBValue[] = [],
  ): Promise<void> {
    if (rows.length === 0) return;
    const appender = await this.connection.createAppender(table);
    try {
      const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
      const lead = leading.length;
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const slice = rows.slice(start, start + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, slice.length);
        chunk.setColumns(
          types.map((_, column) =>
            column < lead
              ? slice.map(() => leading[column]!)
              : slice.map((row) => appendable(types[column]!, row[column - lead] ?? null)),
          ),
        );
        appender.appendDataChunk(chunk);
        await new Promise((resolve) => setImmediate(resolve));
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** How far the statement running now is, in per cent (DuckDB's estimate; negative when unknown). */
  progress(): number {
    return this.connection.progress.percentage;
  }

  close(): void {
    for (const reader of this.readers) reader.closeSync();
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

export class StoreLockedError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(
      `Хранилище ${path} занято другим процессом (скорее всего, запущен сервер панели). ` +
        `Остановите его или загрузите файлы через работающий сервер. Подробности: ${detail}`,
    );
    this.name = 'StoreLockedError';
  }
}
