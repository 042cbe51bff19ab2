/**
 * Progress of a long run: on a TTY one line redrawn in place (throttled); in CI logs (no TTY) a plain line
 * when an operation completes, at most every `intervalMs`, and a final summary line. The clock is injected.
 */

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export interface ProgressState {
  operationsDone: number;
  requests: number;
  /** The rate-limit budget left (X-RateLimit-Remaining), when the target reports one. */
  rateLimitRemaining?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  isTTY: boolean;
  /** Operations to do, when known. */
  total?: number;
  /** Least time between two redraws on a TTY (default 100 ms). */
  ttyIntervalMs?: number;
  /** Least time between two lines in non-TTY mode (default 10 s). */
  intervalMs?: number;
  now?: () => number;
  label?: string;
}

export interface Progress {
  update(state: ProgressState): void;
  done(): void;
}

function formatProgress(state: ProgressState, total: number | undefined): string {
  const ops =
    total === undefined
      ? `${state.operationsDone} operations`
      : `${state.operationsDone}/${total} operations`;
  const parts = [ops, `${state.requests} request${state.requests === 1 ? '' : 's'}`];
  if (state.rateLimitRemaining !== undefined) parts.push(`rate limit ${state.rateLimitRemaining} remaining`);
  return parts.join(' · ');
}

export function createProgress(options: ProgressOptions): Progress {
  const { stream, isTTY, total } = options;
  const now = options.now ?? Date.now;
  const label = options.label ?? 'intercom-conformance';
  const ttyInterval = options.ttyIntervalMs ?? 100;
  const interval = options.intervalMs ?? 10_000;
  let last: ProgressState = { operationsDone: 0, requests: 0 };
  let lastWrite = Number.NEGATIVE_INFINITY;
  let lastPrintedOps = 0;
  let printedAny = false;
  let drawn = false;
  let finished = false;

  const draw = () => {
    const line = `${label}: ${formatProgress(last, total)}`;
    const width = stream.columns && stream.columns > 1 ? stream.columns - 1 : undefined;
    stream.write(`\r\u001b[2K${width && line.length > width ? line.slice(0, width) : line}`);
    drawn = true;
  };
  const print = () => {
    stream.write(`${label}: ${formatProgress(last, total)}\n`);
    lastPrintedOps = last.operationsDone;
    printedAny = true;
  };

  return {
    update(state) {
      if (finished) return;
      last = { ...state };
      const t = now();
      if (isTTY) {
        if (t - lastWrite >= ttyInterval) {
          draw();
          lastWrite = t;
        }
        return;
      }
      if (state.operationsDone > lastPrintedOps && t - lastWrite >= interval) {
        print();
        lastWrite = t;
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (isTTY) {
        draw();
        if (drawn) stream.write('\n');
        return;
      }
      if (last.operationsDone !== lastPrintedOps || !printedAny) print();
    },
  };
}
