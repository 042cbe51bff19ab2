import { defineRule } from '../rule.ts';

type A = { name: string; in: string; required: boolean };

/** A warning: a client still sending it may be ignored or rejected, depending on the server. */
export const parameterRemoved = defineRule<'parameter', A>({
  id: 'parameter-removed',
  severity: 'warning',
  reason: 'a client still sending it may be ignored or rejected',
  summary: 'A parameter is no longer documented: a client still sending it may be ignored or rejected.',
  site: 'parameter',
  location: 'parameter',
  check: (site) =>
    site.old && !site.new
      ? [
          {
            args: { name: site.old.name, in: site.old.in, required: site.old.required },
            oldPointer: site.old.pointer,
          },
        ]
      : [],
  message: (a) => `${a.in} parameter "${a.name}" removed`,
});
