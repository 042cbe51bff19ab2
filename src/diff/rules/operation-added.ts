import { defineRule } from '../rule.ts';

type A = { method: string; path: string };

export const operationAdded = defineRule<'operation', A>({
  id: 'operation-added',
  severity: 'info',
  reason: 'nothing a running client calls changes',
  summary: 'An operation is new in the new description.',
  site: 'operation',
  location: 'operation',
  check: (site) =>
    site.new && !site.old
      ? [
          {
            args: { method: site.new.method.toUpperCase(), path: site.new.path },
            newPointer: site.new.pointer,
          },
        ]
      : [],
  message: (a) => `operation added: ${a.method} ${a.path}`,
});
