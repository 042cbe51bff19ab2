import { defineRule, parameterName } from '../rule.ts';

type A = { name: string; oldName: string; in: string; oldMaximum: number | null; newMaximum: number };

/** Values between the new and the old maximum (or any value above it, when there was none) are rejected. */
export const parameterMaximumLowered = defineRule<'parameter', A>({
  id: 'parameter-maximum-lowered',
  severity: 'breaking',
  reason: 'values above the new maximum are rejected or clamped',
  summary: "A parameter's maximum was lowered or introduced (e.g. per_page).",
  site: 'parameter',
  location: 'parameter',
  check: (site) => {
    const o = site.oldSchema;
    const n = site.newSchema;
    if (!site.old || !site.new || !o || n?.maximum === undefined) return [];
    if (o.maximum !== undefined && n.maximum >= o.maximum) return [];
    return [
      {
        args: {
          name: site.new.name,
          oldName: site.old.name,
          in: site.new.in,
          oldMaximum: o.maximum ?? null,
          newMaximum: n.maximum,
        },
        ...(o.maximumPointer ? { oldPointer: o.maximumPointer } : { oldPointer: o.pointer }),
        newPointer: n.maximumPointer ?? n.pointer,
      },
    ];
  },
  message: (a) =>
    `${a.in} parameter ${parameterName(a)}: maximum ${a.oldMaximum === null ? 'introduced' : `lowered from ${a.oldMaximum}`} to ${a.newMaximum}`,
});
