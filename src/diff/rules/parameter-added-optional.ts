import { defineRule } from '../rule.ts';

type A = { name: string; in: string };

/** Info: nothing a running client sends changes; a new option is there to use. */
export const parameterAddedOptional = defineRule<'parameter', A>({
  id: 'parameter-added-optional',
  severity: 'info',
  reason: 'requests without it behave as before; it is a new option',
  summary: 'A new optional parameter.',
  site: 'parameter',
  location: 'parameter',
  check: (site) =>
    !site.old && site.new && !site.new.required
      ? [{ args: { name: site.new.name, in: site.new.in }, newPointer: site.new.pointer }]
      : [],
  message: (a) => `new optional ${a.in} parameter "${a.name}"`,
});
