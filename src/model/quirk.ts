/** A documented deviation of Intercom from its own description: the data quirks, checks and reports share. */
export interface QuirkMeta {
  id: string;
  summary: string;
  /** The documentation page or the description's own example that documents the quirk. */
  source: string;
}

/** One quirk of one API version, as generation resolved it against the pinned description. */
export interface QuirkEntry extends QuirkMeta {
  /** JSON pointers (in the description) of the places its actions changed. */
  targets: string[];
  /** Data for semantic checks (the `x-…` keys of its updates), merged. */
  data: Record<string, unknown>;
}

/** `generated/<version>/quirks.json`. */
export interface QuirkRegistry {
  apiVersion: string;
  quirks: QuirkEntry[];
  /** Actions whose target selected nothing: the description changed under the quirk. */
  unmatched: Array<{ id: string; target: string }>;
}
