/**
 * Interruption of a run, in its own process: the first SIGINT or SIGTERM — to the process or to its process
 * group, also through `timeout`, which passes the signal on to the child and then to the whole group (so the run
 * sees it twice) — aborts the run, which stops, cleans up the tag round trip within `--cleanup-timeout-ms`, and
 * returns what it gathered, marked partial. Later signals do not kill the process: the cleanup and the reports
 * are bounded in time already, and a second Ctrl-C must not lose the results gathered.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** The exit code of a run stopped by a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function exitCodeFor(signal: StopSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}

export interface StopWatch {
  /** Aborted at the first SIGINT/SIGTERM. */
  signal: AbortSignal;
  /** The first stop signal received, if any. */
  readonly received: StopSignal | undefined;
  /** Restores the default behaviour of the signals. */
  dispose(): void;
}

/** Watches SIGINT/SIGTERM while a run goes on; `onSignal` is told of each one (first: true for the first). */
export function onStopSignals(onSignal: (signal: StopSignal, first: boolean) => void = () => {}): StopWatch {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const handler = (signal: StopSignal) => {
    const first = received === undefined;
    if (first) {
      received = signal;
      controller.abort(new Error(`interrupted by ${signal}`));
    }
    onSignal(signal, first);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose() {
      for (const s of SIGNALS) process.off(s, handler);
    },
  };
}
