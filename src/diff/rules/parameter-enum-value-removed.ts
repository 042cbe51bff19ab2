import { enumDifference } from '../enums.ts';
import type { JsonValue } from '../model.ts';
import { defineRule, listOf, parameterName } from '../rule.ts';

type A = { name: string; oldName: string; in: string; values: JsonValue[]; introduced: boolean };

export const parameterEnumValueRemoved = defineRule<'parameter', A>({
  id: 'parameter-enum-value-removed',
  severity: 'breaking',
  reason: 'requests using the removed values are rejected',
  summary: 'A parameter no longer accepts some values (enum values removed, or an enum introduced).',
  site: 'parameter',
  location: 'parameter',
  check: (site) => {
    const o = site.oldSchema;
    const n = site.newSchema;
    if (!site.old || !site.new || !o || !n?.enum) return [];
    const introduced = !o.enum;
    const values = introduced ? [] : enumDifference(o.enum!, n.enum);
    if (!introduced && values.length === 0) return [];
    return [
      {
        args: {
          name: site.new.name,
          oldName: site.old.name,
          in: site.new.in,
          values: values as JsonValue[],
          introduced,
        },
        oldPointer: o.enumPointer ?? o.pointer,
        newPointer: n.enumPointer ?? n.pointer,
      },
    ];
  },
  message: (a) =>
    a.introduced
      ? `${a.in} parameter ${parameterName(a)} is now restricted to an enum`
      : `${a.in} parameter ${parameterName(a)} no longer accepts ${listOf(a.values)}`,
});
