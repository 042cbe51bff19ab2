import { BUDGET_RESERVE } from './bounds.ts';
import { TransportError } from './errors.ts';
import type { Layer } from './types.ts';

/**
 * Counts requests (every attempt) and refuses past the budget. A small reserve above it is kept for cleanup
 * (removing a tag the run attached), so that an exhausted budget never leaves the sandbox changed.
 */
export class RequestBudget {
  used = 0;
  constructor(
    readonly max: number,
    readonly reserve = BUDGET_RESERVE,
  ) {}

  take(mode: 'normal' | 'cleanup' = 'normal'): boolean {
    if (this.used >= this.max + (mode === 'cleanup' ? this.reserve : 0)) return false;
    this.used++;
    return true;
  }
}

export function withBudget(budget: RequestBudget, mode: 'normal' | 'cleanup' = 'normal'): Layer {
  return (next) => (input, init) => {
    if (!budget.take(mode))
      return Promise.reject(new TransportError('budget', `request budget of ${budget.max} exhausted`));
    return next(input, init);
  };
}
