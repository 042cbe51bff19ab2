import { renderMessage } from '../messages.ts';
import type { DiffSection } from '../model.ts';

/** A section as JSON: the change model as is, each change with its rendered message added. */
function sectionToJson(section: DiffSection): unknown {
  return {
    title: section.title,
    old: section.old,
    new: section.new,
    scope: section.report.scope,
    counts: section.report.counts,
    changes: section.report.changes.map((change) => ({ ...change, message: renderMessage(change) })),
  };
}

/** `diff` prints one section object; `drift` prints `{ sections: [...] }`. */
export function renderJson(sections: readonly DiffSection[], asList = sections.length !== 1): string {
  const body = asList ? { sections: sections.map(sectionToJson) } : sectionToJson(sections[0]!);
  return `${JSON.stringify(body, null, 2)}\n`;
}
