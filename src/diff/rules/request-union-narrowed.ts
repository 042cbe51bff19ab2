import { defineRule, propertyPath, subject } from '../rule.ts';
import { shapeText, subsumes } from '../shape.ts';

/**
 * Breaking: a request schema became an anyOf/oneOf whose branches no longer accept every value it accepted.
 * 2.13's search `multiple_filter_search_request.value`: an array whose items are each a filter or a nested
 * group became `array of groups | array of filters`, so a group mixing both (`a AND (b OR c)`) is rejected.
 * Decided only where both sides' value sets can be told exactly (`shapeOf`); components compare by name.
 */
export const requestUnionNarrowed = defineRule({
  id: 'request-union-narrowed',
  severity: 'breaking',
  reason: 'requests with a value the old schema accepted and no branch of the new union accepts are rejected',
  summary: 'A request schema became an anyOf/oneOf that no longer accepts everything it did.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: (site) => {
    const [o, n] = [site.old.shape, site.new.shape];
    if (!o || !n || site.old.branches.length > 0 || site.new.branches.length === 0) return [];
    if (subsumes(n, o)) return [];
    return [
      {
        args: {
          combinator: site.new.branches[0]!.combinator,
          oldShape: shapeText(o),
          newShape: shapeText(n),
        },
        oldPointer: site.old.pointer,
        newPointer: site.new.pointer,
        property: propertyPath(site.path),
      },
    ];
  },
  message: (a, property) =>
    `${subject('request', property)}: ${a.oldShape} became ${a.combinator} ${a.newShape}, which does not accept all of it`,
});
