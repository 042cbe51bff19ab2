import { defineRule, parameterName } from '../rule.ts';

type A = { name: string; oldName: string; in: string };

export const parameterBecameRequired = defineRule<'parameter', A>({
  id: 'parameter-became-required',
  severity: 'breaking',
  reason: 'requests that omit it are rejected',
  summary: 'An optional parameter became required.',
  site: 'parameter',
  location: 'parameter',
  check: (site) =>
    site.old && site.new && !site.old.required && site.new.required
      ? [
          {
            args: { name: site.new.name, oldName: site.old.name, in: site.new.in },
            oldPointer: site.old.pointer,
            newPointer: site.new.pointer,
          },
        ]
      : [],
  message: (a) => `${a.in} parameter ${parameterName(a)} became required`,
});
