/**
 * Login throttling that slows a password guesser without locking the owner out: failures are
 * counted per login and address, per address, and per login from anywhere. Past a few free
 * failures each count asks for a delay after its last failure that doubles with every further
 * failure up to a cap: a long cap for the guessing address (on that login, or over all logins),
 * a short one for a login tried from elsewhere, so one address's failures hold others up for a
 * few seconds at most. A success from an address clears its count on that login; an
 * administrator's unlock (`npm run users -- unlock`) clears every count of a login.
 */
export interface LimiterOptions {
  /** failures from one address on one login before delays begin (also for the login from anywhere) */
  perLogin: number;
  /** failures from one address over all logins before delays begin */
  perAddress: number;
  /** the first delay; each further failure doubles it */
  firstDelayMs: number;
  /** the longest delay for the address that failed */
  maxDelayMs: number;
  /** the longest delay failures from other addresses impose on a login */
  otherAddressesMaxDelayMs: number;
  /** a count is forgotten this long after its last failure */
  forgetMs: number;
}

export const DEFAULT_LIMITS: LimiterOptions = {
  perLogin: 5,
  perAddress: 20,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  otherAddressesMaxDelayMs: 10_000,
  forgetMs: 24 * 3600_000,
};

interface Count {
  failures: number;
  last: number;
}

const pairKey = (address: string, login: string) => `pair:${login}\u0000${address}`;
const loginKey = (login: string) => `login:${login}`;
const addressKey = (address: string) => `address:${address}`;

export class LoginLimiter {
  private counts = new Map<string, Count>();

  /** `unlocked` answers the logins an administrator unlocked since it was last asked. */
  constructor(
    private readonly options: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly unlocked: () => string[] = () => [],
  ) {}

  private count(key: string): Count | undefined {
    const count = this.counts.get(key);
    if (count && this.now() - count.last >= this.options.forgetMs) this.counts.delete(key);
    return this.counts.get(key);
  }

  /** How long after the last failure a count asks to wait (0 below its free failures). */
  private wait(key: string, free: number, capMs: number): number {
    const count = this.count(key);
    if (!count || count.failures < free) return 0;
    const delay = Math.min(this.options.firstDelayMs * 2 ** (count.failures - free), capMs);
    return Math.max(0, count.last + delay - this.now());
  }

  /** Milliseconds until a login to `login` from `address` may be tried again; 0 when it may now. */
  waitMs(address: string, login: string): number {
    for (const unlockedLogin of this.unlocked()) this.unlock(unlockedLogin);
    const { perLogin, perAddress, maxDelayMs, otherAddressesMaxDelayMs } = this.options;
    return Math.max(
      this.wait(pairKey(address, login), perLogin, maxDelayMs),
      this.wait(addressKey(address), perAddress, maxDelayMs),
      this.wait(loginKey(login), perLogin, otherAddressesMaxDelayMs),
    );
  }

  fail(address: string, login: string): void {
    for (const key of [pairKey(address, login), addressKey(address), loginKey(login)]) {
      const failures = (this.count(key)?.failures ?? 0) + 1;
      this.counts.set(key, { failures, last: this.now() });
    }
  }

  /** A successful sign-in clears the count of its login from its address, and of the login. */
  succeed(address: string, login: string): void {
    this.counts.delete(pairKey(address, login));
    this.counts.delete(loginKey(login));
  }

  /**
   * The administrator's unlock: every count of a login cleared, and the counts over all logins of
   * the addresses that failed on it (the owner's own address among them).
   */
  unlock(login: string): void {
    const prefix = `pair:${login}\u0000`;
    for (const key of [...this.counts.keys()])
      if (key.startsWith(prefix)) {
        this.counts.delete(key);
        this.counts.delete(addressKey(key.slice(prefix.length)));
      }
    this.counts.delete(loginKey(login));
  }
}
