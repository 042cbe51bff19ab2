import { defineRule } from '../rule.ts';

type A = { name: string; in: string };

export const parameterAddedRequired = defineRule<'parameter', A>({
  id: 'parameter-added-required',
  severity: 'breaking',
  reason: 'requests built without it are rejected',
  summary: 'A new required parameter: requests without it are rejected.',
  site: 'parameter',
  location: 'parameter',
  check: (site) =>
    !site.old && site.new?.required
      ? [{ args: { name: site.new.name, in: site.new.in }, newPointer: site.new.pointer }]
      : [],
  message: (a) => `new required ${a.in} parameter "${a.name}"`,
});
