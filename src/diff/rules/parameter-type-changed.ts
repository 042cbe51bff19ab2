import { defineRule, parameterName, typeText } from '../rule.ts';

type A = { name: string; oldName: string; in: string; oldType: string; newType: string };

export const parameterTypeChanged = defineRule<'parameter', A>({
  id: 'parameter-type-changed',
  severity: 'breaking',
  reason: 'values the client sends may no longer be accepted',
  summary: "A parameter's type changed (type-only for a path parameter: the URL text is the same).",
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
        ...(site.new.in === 'path'
          ? {
              class: 'type-only' as const,
              reason:
                'a path parameter is text in the URL whatever its declared type: only generated code changes',
            }
          : {}),
      },
    ];
  },
  message: (a) => `${a.in} parameter ${parameterName(a)} changed type: ${a.oldType} → ${a.newType}`,
});
