import { defineRule, parameterName, typeText } from '../rule.ts';

type A = { name: string; oldName: string; in: string; oldType: string; newType: string };

export const parameterTypeChanged = defineRule<'parameter', A>({
  id: 'parameter-type-changed',
  severity: 'breaking',
  summary: "A parameter's type changed.",
  site: 'parameter',
  location: 'parameter',
  check: (site) => {
    const o = site.oldSchema;
    const n = site.newSchema;
    if (!site.old || !site.new || !o?.types || !n?.types) return [];
    if (typeText(o.types) === typeText(n.types)) return [];
    return [
      {
        args: {
          name: site.new.name,
          oldName: site.old.name,
          in: site.new.in,
          oldType: typeText(o.types),
          newType: typeText(n.types),
        },
        oldPointer: o.pointer,
        newPointer: n.pointer,
      },
    ];
  },
  message: (a) => `${a.in} parameter ${parameterName(a)} changed type: ${a.oldType} → ${a.newType}`,
});
