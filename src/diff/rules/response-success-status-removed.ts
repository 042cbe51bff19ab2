import { defineRule } from '../rule.ts';
import { isSuccessStatus } from '../status.ts';

type A = { status: string };

export const responseSuccessStatusRemoved = defineRule<'response', A>({
  id: 'response-success-status-removed',
  severity: 'breaking',
  reason: 'a client checking for that status sees another one',
  summary: 'A success (2xx) response status is no longer documented: clients checking for it break.',
  site: 'response',
  location: 'response',
  check: (site) =>
    site.old && !site.new && isSuccessStatus(site.status)
      ? [{ args: { status: site.status }, oldPointer: site.old.pointer }]
      : [],
  message: (a) => `success response ${a.status} removed`,
});
