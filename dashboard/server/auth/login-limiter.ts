/**
 * Login rate limiting: failed attempts are counted per address and per login within a window;
 * past the limit, logins from that address or to that login wait until the window passes.
 */
export interface LimiterOptions {
  /** failed attempts allowed per login within the window */
  perLogin: number;
  /** failed attempts allowed per client address within the window */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: LimiterOptions = {
  perLogin: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
};

export class LoginLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly options: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Milliseconds until a login to `login` from `address` may be tried again; 0 when it may now. */
  waitMs(address: string, login: string): number {
    const wait = (key: string, limit: number) => {
      const times = this.recent(key);
      return times.length >= limit
        ? times[times.length - limit]! + this.options.windowMs - this.now()
        : 0;
    };
    return Math.max(
      wait(`address:${address}`, this.options.perAddress),
      wait(`login:${login}`, this.options.perLogin),
    );
  }

  fail(address: string, login: string): void {
    for (const key of [`address:${address}`, `login:${login}`])
      this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful login clears the count of its login (not of its address). */
  succeed(login: string): void {
    this.failures.delete(`login:${login}`);
  }
}
