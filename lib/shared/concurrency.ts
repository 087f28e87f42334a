/**
 * A tiny limiter: at most `max` of the given async jobs run at once, the rest wait in order.
 * Used for lazy per-row metadata requests so a page of rows doesn't hit Anaplan's rate limit in a burst.
 */
export function createLimiter(max: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= max) return;
    const start = queue.shift();
    if (start) start();
  };
  return function limit<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        running++;
        job()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
  };
}
