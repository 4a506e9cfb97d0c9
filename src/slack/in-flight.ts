import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Counts the requests being answered, from the first middleware to the last listener, in both
 * HTTP and Socket Mode, so that shutdown can wait until every acknowledged request is answered.
 */
export interface InFlight {
  readonly middleware: Middleware<AnyMiddlewareArgs>;
  readonly count: number;
  /** Resolves true once nothing is in flight, false when `ms` pass first. */
  drained(ms: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    get count() {
      return count;
    },
    middleware: async ({ next }) => {
      count++;
      try {
        await next();
      } finally {
        count--;
        if (count === 0) for (const wake of waiters.splice(0)) wake();
      }
    },
    drained(ms) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== done);
          resolve(count === 0);
        }, ms);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(done);
      });
    },
  };
}
