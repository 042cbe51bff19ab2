import { defineRule } from '../rule.ts';

type A = { oldMethod: string; newMethod: string };

export const operationMethodChanged = defineRule<'operation', A>({
  id: 'operation-method-changed',
  severity: 'breaking',
  reason: 'the client sends a method the API no longer serves at that path',
  summary: 'The HTTP method of an operation changed.',
  site: 'operation',
  location: 'operation',
  check: (site) =>
    site.old && site.new && site.old.method !== site.new.method
      ? [
          {
            args: { oldMethod: site.old.method.toUpperCase(), newMethod: site.new.method.toUpperCase() },
            oldPointer: site.old.pointer,
            newPointer: site.new.pointer,
          },
        ]
      : [],
  message: (a) => `HTTP method changed: ${a.oldMethod} → ${a.newMethod}`,
});
