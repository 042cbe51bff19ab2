/**
 * An error caused by the user's input or environment (bad flag, unknown version, unreachable source, …).
 * The CLI prints its message as one line and exits with `exitCode`; it never shows a stack trace.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** One line describing any thrown value, without a stack trace. */
export function oneLine(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const base = error.message.replace(/\s*\n\s*/g, ' ');
    if (cause instanceof Error && !base.includes(cause.message)) return `${base} (${oneLine(cause)})`;
    if (cause && typeof cause === 'object' && 'code' in cause) return `${base} (${String(cause.code)})`;
    return base;
  }
  return String(error).replace(/\s*\n\s*/g, ' ');
}
