import type { Collected } from '../model/collected.ts';
import { scrubSecretsDeep } from '../report/redact.ts';
import { collect } from '../run/collect.ts';
import type { RunConfig } from '../run/config.ts';
import { type Samples, samplesOf } from '../run/runtime-diff.ts';
import { collectOptions, openSession } from '../run/session.ts';
import type { Target } from '../run/targets.ts';
import { loadArtifacts } from '../validate/artifacts.ts';

/** What one version of the target returned for the resources both versions are compared on. */
export interface Observation {
  apiVersion: string;
  samples: Samples;
  /** Why the tag round trip did not run under this version, if it did not. */
  tagsSkipped?: string;
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
 * sample of retrieves and, where writes are allowed, the tag round trip. The mock serves every locked
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
      const collected = await collect(loadArtifacts(apiVersion), {
        ...collectOptions(session, config, hooks.signal),
      });
      if (collected.interrupted) partial = true;
      hooks.onCollected?.(apiVersion, collected);
      // The payloads stay in memory for the comparison; only enum-like values reach a report (see valuesDiffer).
      observations.push({
        apiVersion,
        samples: samplesOf(collected),
        ...(collected.tags.skipped ? { tagsSkipped: collected.tags.skipped } : {}),
      });
    }
  } finally {
    await target.close();
  }
  return scrubSecretsDeep({ observations, requests: budget.used, partial }, secrets);
}
