import type { Collected } from '../model/collected.ts';
import { scrubSecretsDeep } from '../report/redact.ts';
import { collect } from '../run/collect.ts';
import type { RunConfig } from '../run/config.ts';
import { type Samples, samplesOf } from '../run/runtime-diff.ts';
import { collectOptions, openSession } from '../run/session.ts';
import type { Target } from '../run/targets.ts';
import { loadArtifacts } from '../validate/artifacts.ts';
import { observeSearch } from './search.ts';

/** What one version of the target returned for the resources both versions are compared on. */
export interface Observation {
  apiVersion: string;
  samples: Samples;
  /** Why the tag round trip did not run under this version, if it did not. */
  tagsSkipped?: string;
  /** Why no search answer was compared under this version (`samples.searchConversations` otherwise). */
  searchNotObserved?: string;
}

export interface Observed {
  observations: Observation[];
  requests: number;
  /** The run was interrupted or a step could not be taken: the comparison covers what was collected. */
  partial: boolean;
}

export interface ObserveHooks {
  /** Called with the opened target (tests read the mock's state). */
  onTarget?: (target: Target) => void | Promise<void>;
  onCollected?: (apiVersion: string, collected: Collected) => void;
  signal?: AbortSignal;
}

/**
 * Reads the same workspace under each of `config.apiVersions` through the run's own collector and transport
 * (same request budget, pacing, retries, timeouts, redaction and token handling): the list pages, a varied
 * sample of retrieves, one search for the retrieved conversations by id (never a manage call: `upgrade`
 * writes nothing but the run's guarded tag round trip) and, where writes are allowed, the tag round trip. The mock serves every locked
 * version from one workspace; live is the same sandbox asked with two `Intercom-Version` headers; replay
 * reads cassettes recorded at both versions.
 */
export async function observe(config: RunConfig, hooks: ObserveHooks = {}): Promise<Observed> {
  const session = await openSession(config);
  const { target, budget, secrets } = session;
  const observations: Observation[] = [];
  let partial = false;
  try {
    await hooks.onTarget?.(target);
    for (const apiVersion of config.apiVersions) {
      if (hooks.signal?.aborted) {
        partial = true;
        break;
      }
      const artifacts = loadArtifacts(apiVersion);
      const options = collectOptions(session, config, hooks.signal);
      // The upgrade reads: no state round trip; one search of its own (below) instead of the run's searches.
      const collected = await collect(artifacts, { ...options, searches: false, stateTrip: false });
      if (collected.interrupted) partial = true;
      hooks.onCollected?.(apiVersion, collected);
      const samples = samplesOf(collected);
      const search = await observeSearch(
        session.transport,
        options.settings,
        artifacts,
        collected,
        hooks.signal,
      );
      if ('items' in search) samples.searchConversations = search.items;
      // The payloads stay in memory for the comparison; only enum-like values reach a report (see valuesDiffer).
      observations.push({
        apiVersion,
        samples,
        ...(collected.tags.skipped ? { tagsSkipped: collected.tags.skipped } : {}),
        ...('notObserved' in search ? { searchNotObserved: search.notObserved } : {}),
      });
    }
  } finally {
    await target.close();
  }
  return scrubSecretsDeep({ observations, requests: budget.used, partial }, secrets);
}
