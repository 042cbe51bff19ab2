/** A documented deviation of Intercom from its own description: the data quirks, checks and reports share. */
export interface QuirkMeta {
  id: string;
  summary: string;
  /** The documentation page or the description's own example that documents the quirk. */
  source: string;
}

/** One quirk of one API version, as generation resolved it against the pinned description. */
export interface QuirkEntry extends QuirkMeta {
  /** The versions the quirk is declared for (`2.11..`), as its catalogue file says. */
  versions?: string;
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
  /**
   * Quirks declared for this version that its description resolved: the strict reading already accepts what
   * they document (e.g. 2.12 made conversation_rating nullable), so they are not applied.
   */
  resolved?: Array<QuirkMeta & { versions?: string }>;
}
