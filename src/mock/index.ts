import { lockedVersions } from '../descriptions/lock.ts';
import { loadArtifacts } from '../validate/artifacts.ts';
import { FaultPlan } from './http/faults.ts';
import { Pipeline, type ServedVersion } from './http/pipeline.ts';
import { FixedWindowLimiter } from './http/rate-limit.ts';
import { compileRoutes } from './http/router.ts';
import { SearchMatches } from './http/search-matches.ts';
import { listen } from './http/server.ts';
import { type MockState, RequestLog } from './http/state.ts';
import { type MockOptions, type ResolvedOptions, resolveOptions } from './options/options.ts';
import { versionProfile } from './render/profile.ts';
import { RenderCache } from './render/render.ts';
import { conformant } from './scenarios/conformant.ts';
import { documented } from './scenarios/documented.ts';
import type { BodyShaper } from './scenarios/scenario.ts';
import { Workspace } from './workspace/workspace.ts';

/**
 * The embedded mock Intercom: a versioned, seeded, quirk- and fault-aware server on 127.0.0.1, the default
 * target of every suite and a tool in its own right.
 */
export interface MockServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
  state: MockState;
  /** The options in effect (defaults filled in). */
  options: Readonly<ResolvedOptions>;
}

export type { ErrorId } from './http/errors.ts';

export type { MockState, RequestLogEntry } from './http/state.ts';
export {
  FAULT_IDS,
  type FaultId,
} from './options/faults.ts';
export {
  type AdminOverrides,
  type CatalogueTag,
  DEFAULT_TAGS,
  type FaultOptions,
  type MockOptions,
  type PerPageOverflow,
  type ResolvedOptions,
  SCENARIO_IDS,
  type ScenarioId,
} from './options/options.ts';
export type {
  Deviation,
  QuirkId,
} from './scenarios/quirks.ts';
export {
  LARGE_CONVERSATION_INDEX,
  SNOOZE_BASE,
} from './workspace/conversation.ts';

const SHAPERS: Record<ResolvedOptions['scenario'], BodyShaper> = {
  conformant,
  documented,
  faults: conformant,
};

export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const locked = lockedVersions();
  const o = resolveOptions(options, locked);
  const versions = new Map<string, ServedVersion>();
  for (const v of o.apiVersions) {
    const artifacts = loadArtifacts(v);
    const profile = versionProfile(artifacts);
    versions.set(v, {
      profile,
      render: new RenderCache(profile),
      routes: compileRoutes(artifacts.index),
      searches: new SearchMatches(),
    });
  }
  const workspace = new Workspace(o);
  const log = new RequestLog(o.requestLogLimit);
  const pipeline = new Pipeline({
    options: o,
    workspace,
    versions,
    shaper: SHAPERS[o.scenario],
    limiter: new FixedWindowLimiter(o.rateLimit.limit, o.rateLimit.windowSeconds, o.clock),
    log,
    faults: o.scenario === 'faults' ? new FaultPlan(o.faults, o.faultOptions) : undefined,
  });
  const server = await listen(pipeline, o.port);

  const state: MockState = {
    get requestCount() {
      return log.count;
    },
    get requests() {
      return log.list;
    },
    tagCatalogue: workspace.catalogue,
    admin: workspace.roster.me,
    conversationCount: workspace.size,
    seed: workspace.seed,
    conversationId: (index) => workspace.conversationAt(index).id,
    tagsOf: (id) => {
      const c = workspace.byId(id);
      return c ? workspace.tagsOf(c).map((t) => t.id) : undefined;
    },
    tagChanges: () =>
      workspace.tagChanges().map((ch) => ({
        conversationId: workspace.idOf(ch.conversationIndex),
        added: ch.added,
        removed: ch.removed,
      })),
    stateOf: (id) => {
      const c = workspace.byId(id);
      return c ? workspace.stateOf(c) : undefined;
    },
    stateChanges: () =>
      workspace.stateChanges().map((ch) => ({
        conversationId: workspace.idOf(ch.conversationIndex),
        seeded: ch.seeded,
        now: ch.now,
      })),
    deviationsFor: (method, url, version) => pipeline.deviationsFor(method, url, version),
    now: () => workspace.clockNow(),
  };
  return { url: server.url, close: server.close, state, options: o };
}
