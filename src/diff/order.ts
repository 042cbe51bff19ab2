import { type Change, type ChangeLocation, LEVELS, levelOf } from './model.ts';

const LOCATIONS: readonly ChangeLocation[] = ['operation', 'parameter', 'request', 'response'];

/** Code-point order: the same on every machine and locale. */
function text(a: string | undefined, b: string | undefined): number {
  const [x, y] = [a ?? '', b ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Level (wire severities, then type-only, then artefacts), operation, rule id, then where: stable output. */
export function compareChanges(a: Change, b: Change): number {
  return (
    LEVELS.indexOf(levelOf(a)) - LEVELS.indexOf(levelOf(b)) ||
    text(a.operationId, b.operationId) ||
    text(a.ruleId, b.ruleId) ||
    LOCATIONS.indexOf(a.location) - LOCATIONS.indexOf(b.location) ||
    text(a.status, b.status) ||
    text(a.mediaType, b.mediaType) ||
    text(a.oldPointer, b.oldPointer) ||
    text(a.newPointer, b.newPointer) ||
    text(a.property, b.property) ||
    text(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}
