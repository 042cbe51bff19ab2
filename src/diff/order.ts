import { type Change, type ChangeLocation, severityRank } from './model.ts';

const LOCATIONS: readonly ChangeLocation[] = ['operation', 'parameter', 'request', 'response'];

/** Code-point order: the same on every machine and locale. */
function text(a: string | undefined, b: string | undefined): number {
  const [x, y] = [a ?? '', b ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Severity, operation, rule id, then where (location, status, media type, pointers, property): stable output. */
export function compareChanges(a: Change, b: Change): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
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
