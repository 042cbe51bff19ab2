import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Interruption across processes. The `run` command starts the suites in vitest worker processes: Ctrl-C in a
 * terminal reaches them all (one process group), but a signal sent to the command alone does not. So the
 * command also drops a file in the parts directory, which the suites watch: either way, each suite aborts its
 * run, cleans up, and writes what it has, marked partial.
 */
export const INTERRUPT_FILE = '.interrupted';

export const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** The exit code of a run stopped by a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function exitCodeFor(signal: StopSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}

export function interruptFile(partsDir: string): string {
  return join(partsDir, INTERRUPT_FILE);
}

/** Tells the suites to stop (the command side). */
export function requestInterruption(file: string, signal: StopSignal): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${signal}\n`);
}

export interface InterruptionWatch {
  signal: AbortSignal;
  stop(): void;
}

/**
 * The suite side: an AbortSignal aborted by SIGINT/SIGTERM to this process or by the interrupt file appearing.
 * While it watches, the signals do not kill the process (it finishes cleanup and writes its part); `stop()`
 * restores their default behaviour.
 */
export function watchInterruption(file: string | undefined, pollMs = 100): InterruptionWatch {
  const controller = new AbortController();
  const onSignal = (signal: StopSignal) => controller.abort(new Error(`interrupted by ${signal}`));
  for (const s of SIGNALS) process.on(s, onSignal);
  const timer = file
    ? setInterval(() => {
        if (existsSync(file)) controller.abort(new Error('interrupted'));
      }, pollMs)
    : undefined;
  timer?.unref();
  if (file && existsSync(file)) controller.abort(new Error('interrupted'));
  return {
    signal: controller.signal,
    stop() {
      for (const s of SIGNALS) process.off(s, onSignal);
      if (timer) clearInterval(timer);
    },
  };
}

export interface StopWatch {
  /** The first stop signal received, if any. */
  readonly received: StopSignal | undefined;
  /** Resolves at the first SIGINT/SIGTERM (after the interrupt file is written). */
  stopped: Promise<StopSignal>;
  /** Resolves at a second signal: stop waiting for the suites. */
  forced: Promise<void>;
  dispose(): void;
}

/**
 * The command side: the first SIGINT/SIGTERM writes the interrupt file (the suites stop, clean up and write
 * their parts) instead of killing the process; a second one says: stop waiting.
 */
export function onStopSignals(file: string): StopWatch {
  let received: StopSignal | undefined;
  let resolveStopped: (s: StopSignal) => void = () => {};
  let resolveForced: () => void = () => {};
  const stopped = new Promise<StopSignal>((r) => {
    resolveStopped = r;
  });
  const forced = new Promise<void>((r) => {
    resolveForced = r;
  });
  const handler = (signal: StopSignal) => {
    if (received) return resolveForced();
    received = signal;
    try {
      requestInterruption(file, signal);
    } catch {
      // the suites still get the signal itself when it came from a terminal (one process group)
    }
    resolveStopped(signal);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    get received() {
      return received;
    },
    stopped,
    forced,
    dispose() {
      for (const s of SIGNALS) process.off(s, handler);
    },
  };
}
