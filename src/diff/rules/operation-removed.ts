import { defineRule } from '../rule.ts';

type A = { method: string; path: string };

export const operationRemoved = defineRule<'operation', A>({
  id: 'operation-removed',
  severity: 'breaking',
  reason: 'a client calling it gets an error where it got data',
  summary: 'An operation (matched by operationId) is not in the new description.',
  site: 'operation',
  location: 'operation',
  check: (site) =>
    site.old && !site.new
      ? [
          {
            args: { method: site.old.method.toUpperCase(), path: site.old.path },
            oldPointer: site.old.pointer,
          },
        ]
      : [],
  message: (a) => `operation removed (was ${a.method} ${a.path})`,
});
