import type { ConversationState } from '../../conversation-state/index.ts';
import type { FaultId } from '../options/faults.ts';
import type { CatalogueTag } from '../options/options.ts';
import type { Deviation } from '../scenarios/quirks.ts';

/** One request as the mock saw it (never its headers: the token stays out of the log). */
export interface RequestLogEntry {
  sequence: number;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The API version the request was served in (absent when it was refused before: 401, 429, bad version). */
  version?: string;
  operationId?: string;
  status: number;
  fault?: FaultId;
  /** Documented scenario: the deviations the response carries on purpose. */
  deviations?: Deviation[];
}

/** What tests (and the contract suites) can check on the server side. */
export interface MockState {
  /** Requests received so far. */
  readonly requestCount: number;
  /** The most recent requests (bounded by `requestLogLimit`), oldest first. */
  readonly requests: readonly RequestLogEntry[];
  readonly tagCatalogue: readonly CatalogueTag[];
  /** The `/me` body (version-neutral), incl. `app.id_code`. */
  readonly admin: Readonly<Record<string, unknown>>;
  readonly conversationCount: number;
  readonly seed: number;
  /**
   * The id of the conversation at a list position (0 = first of the first page). The list is newest first: a
   * conversation `manageConversation` changed moves to the top.
   */
  conversationId(index: number): string;
  /** Tag ids attached to a conversation now (undefined for an unknown conversation). */
  tagsOf(conversationId: string): string[] | undefined;
  /** Conversations whose tags differ from the seeded workspace: empty once a suite has cleaned up after itself. */
  tagChanges(): Array<{ conversationId: string; added: string[]; removed: string[] }>;
  /** State, snooze end and assignees of a conversation now (undefined for an unknown conversation). */
  stateOf(conversationId: string): ConversationState | undefined;
  /**
   * Conversations whose state, `snoozed_until` or assignees differ from the seeded workspace (sorted by
   * id): empty once a run has restored what it changed.
   */
  stateChanges(): Array<{ conversationId: string; seeded: ConversationState; now: ConversationState }>;
  /**
   * The deviations a GET would carry now (documented scenario; empty otherwise), computed without serving it:
   * no request is counted or logged. `version` defaults to the default version.
   */
  deviationsFor(method: string, url: string, version?: string): Deviation[];
  /**
   * The workspace clock (Unix seconds): the time its data was made at, and the next write gets. A run against
   * the mock snoozes relative to it and judges "in the future" by it, so runs are deterministic.
   */
  now(): number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  nextSequence(): number {
    return ++this.count;
  }

  record(entry: RequestLogEntry): void {
    if (this.limit === 0) return;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries = this.entries.slice(-this.limit);
  }

  get list(): readonly RequestLogEntry[] {
    return this.entries;
  }
}
