/** A cancellable wait that never keeps the process alive on its own. */
export function delay(ms: number, signal?: { aborted: boolean; onAbort?: (fn: () => void) => void }): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
    signal?.onAbort?.(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A level-triggered wake-up: `signal()` before `wait()` is not lost. */
export class Wakeup {
  private pending = false;
  private waiter: (() => void) | undefined;

  signal(): void {
    this.pending = true;
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** Resolves true when signalled, false on timeout. */
  wait(timeoutMs: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(false);
      }, timeoutMs);
      timer.unref?.();
      this.waiter = () => {
        clearTimeout(timer);
        this.pending = false;
        resolve(true);
      };
    });
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms}ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export interface MessagingLogger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const consoleLogger: MessagingLogger = {
  log: () => undefined,
  warn: (m, c) => console.warn(`[messaging] ${m}`, c ?? ''),
  error: (m, c) => console.error(`[messaging] ${m}`, c ?? ''),
};
