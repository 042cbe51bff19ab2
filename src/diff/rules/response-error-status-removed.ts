import { defineRule } from '../rule.ts';
import { isSuccessStatus } from '../status.ts';

type A = { status: string };

/** Info: a client's handling of that status becomes undocumented, but nothing it reads breaks. */
export const responseErrorStatusRemoved = defineRule<'response', A>({
  id: 'response-error-status-removed',
  severity: 'info',
  reason: 'only error handling is affected; the status may still come',
  summary: 'A non-success response status is no longer documented.',
  site: 'response',
  location: 'response',
  check: (site) =>
    site.old && !site.new && !isSuccessStatus(site.status)
      ? [{ args: { status: site.status }, oldPointer: site.old.pointer }]
      : [],
  message: (a) => `response ${a.status} no longer documented`,
});
