/** A background job run again and again: one pass at a time, on demand and on a timer. */
export type Poller = {
  /** runs a pass now; while one runs, one more runs after it (asks made meanwhile count once) */
  kick(): Promise<void>;
  /** a pass now, then one every `pollMs` (the timer does not keep the process alive) */
  start(): void;
  /** no more timer or follow-up passes; waits for the pass under way */
  stop(): Promise<void>;
  /** resolves when no pass is under way, follow-ups included */
  idle(): Promise<void>;
};

/**
 * Runs `pass` one at a time: a kick during a pass is not lost, it runs once more right after. A failed pass
 * goes to `onError` and the next kick (or tick) tries again. The wipe runners of both channels use it.
 */
export function createPoller(
  pass: () => Promise<void>,
  options: { pollMs: number; onError: (error: unknown) => void },
): Poller {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch(options.onError)
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void kick();
        }
      });
    return running;
  }

  return {
    kick,
    start() {
      void kick();
      timer = setInterval(() => void kick(), options.pollMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
    async idle() {
      while (running) await running;
    },
  };
}
