import type { JsonValue } from '../model.ts';
import { defineRule, parameterName, show } from '../rule.ts';

type A = {
  name: string;
  oldName: string;
  in: string;
  oldDefault: JsonValue;
  newDefault: JsonValue;
  removed: boolean;
};

/** A client that omits the parameter gets other behaviour (e.g. another page size). */
export const parameterDefaultChanged = defineRule<'parameter', A>({
  id: 'parameter-default-changed',
  severity: 'warning',
  reason: 'a client that omits it gets other behaviour',
  summary: "A parameter's default changed or was removed: clients omitting it get other behaviour.",
  site: 'parameter',
  location: 'parameter',
  check: (site) => {
    const o = site.oldSchema;
    const n = site.newSchema;
    if (!site.old || !site.new || !o?.hasDefault) return [];
    if (n?.hasDefault && JSON.stringify(n.default) === JSON.stringify(o.default)) return [];
    return [
      {
        args: {
          name: site.new.name,
          oldName: site.old.name,
          in: site.new.in,
          oldDefault: (o.default ?? null) as JsonValue,
          newDefault: (n?.hasDefault ? (n.default ?? null) : null) as JsonValue,
          removed: !n?.hasDefault,
        },
        oldPointer: o.defaultPointer ?? o.pointer,
        newPointer: n?.defaultPointer ?? n?.pointer ?? site.new.pointer,
      },
    ];
  },
  message: (a) =>
    `${a.in} parameter ${parameterName(a)}: default ${a.removed ? `${show(a.oldDefault)} removed` : `changed from ${show(a.oldDefault)} to ${show(a.newDefault)}`}`,
});
