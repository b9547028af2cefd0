/**
 * The administrator's unlock requests, from the command line to the running server: the CLI
 * appends a line per login to a file beside the store (UNLOCKS_PATH); the server reads the lines
 * added since it last looked (the limiter's counts live in the server's memory only).
 */
import { appendFileSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/** Asks the running server (now, or when it next checks a sign-in) to clear a login's counts. */
export function requestUnlock(path: string, login: string): void {
  const line = JSON.stringify({ login, at: new Date().toISOString() });
  appendFileSync(path, line + '\n', { mode: 0o600 });
}

/** The server's reader: each call answers the logins unlocked since the previous call. */
export class UnlockRequests {
  private offset: number;

  constructor(readonly path: string) {
    // Requests made before this server started concern counts it never had.
    this.offset = this.size();
  }

  private size(): number {
    return existsSync(this.path) ? statSync(this.path).size : 0;
  }

  take(): string[] {
    const size = this.size();
    if (size < this.offset) this.offset = 0; // the file was replaced
    if (size === this.offset) return [];
    const buffer = Buffer.alloc(size - this.offset);
    const fd = openSync(this.path, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      closeSync(fd);
    }
    const text = buffer.toString('utf8');
    const complete = text.lastIndexOf('\n') + 1; // a line still being written waits for later
    this.offset += Buffer.byteLength(text.slice(0, complete));
    return text
      .slice(0, complete)
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { login: string }).login);
  }
}
