import { isIP } from 'node:net';
import { resolveBaseUrl } from '../client/regions.ts';
import { type MockServer, startMockServer } from '../mock/index.ts';
import type { WritePlan } from '../model/collected.ts';
import type { Exchange } from '../model/exchange.ts';
import { UserError } from '../util/errors.ts';
import { readCassette, replayFetch } from './cassette.ts';
import type { RunConfig } from './config.ts';

/** Where a run sends its requests, and what it may write there. */
export interface Target {
  baseUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
  writes(me: Exchange | undefined): WritePlan;
  pickTag?: (conversation: unknown) => string | undefined;
  /** Now for time-bound rules, Unix seconds (a replay: when it was recorded); absent: the wall clock. */
  now?: () => number;
  /** The embedded mock, for the mock target (tests read its state). */
  mock?: MockServer;
  close(): Promise<void>;
}

const MOCK_TOKEN = 'test-token';

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** https anywhere; plain http only on loopback unless explicitly allowed. */
export function checkTransportSecurity(baseUrl: string, allowInsecure: boolean): void {
  const url = new URL(baseUrl);
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecure) {
    throw new UserError(
      `refusing to send the access token over plain http to ${url.host} (use https, or --allow-insecure)`,
    );
  }
}

/**
 * The live-write guard, shared by the tag and the state round trips: writes only in the sandbox the user named,
 * as the admin given. The tag round trip also needs a tag (`INTERCOM_TEST_TAG_ID`); without one it alone skips.
 */
function liveWritePlan(config: RunConfig, me: Exchange | undefined): WritePlan {
  if (!config.allowWrites)
    return {
      allowed: false,
      reason: 'writes are off (set INTERCOM_ALLOW_WRITES=1 to run the tag and state round trips)',
    };
  if (!config.sandboxAppId)
    return { allowed: false, reason: 'INTERCOM_SANDBOX_APP_ID is not set: writes need the sandbox app id' };
  const idCode = (me?.body as { app?: { id_code?: unknown } | null } | undefined)?.app?.id_code;
  if (me?.status !== 200 || typeof idCode !== 'string')
    return {
      allowed: false,
      reason: 'GET /me did not show the app id_code, so the sandbox guard cannot pass',
    };
  if (idCode !== config.sandboxAppId)
    return {
      allowed: false,
      reason: `GET /me shows app ${idCode}, not the sandbox INTERCOM_SANDBOX_APP_ID: no writes`,
    };
  if (!config.adminId)
    return { allowed: false, reason: 'INTERCOM_ADMIN_ID is not set: writes need an admin id' };
  return {
    allowed: true,
    ...(config.testTagId ? { tagId: config.testTagId } : {}),
    adminId: config.adminId,
  };
}

export async function openTarget(config: RunConfig): Promise<Target> {
  if (config.target === 'mock') {
    const mock = await startMockServer({
      apiVersions: config.apiVersions,
      scenario: config.scenario,
      seed: config.seed,
      conversations: config.conversations,
      perPageOverflow: config.perPageOverflow,
      token: MOCK_TOKEN,
    });
    return {
      baseUrl: mock.url,
      token: MOCK_TOKEN,
      mock,
      now: () => mock.state.now(),
      writes: () => ({ allowed: true }),
      pickTag: (conversation) => {
        const on = new Set(
          ((conversation as { tags?: { tags?: Array<{ id?: unknown }> } }).tags?.tags ?? []).map((t) =>
            String(t.id),
          ),
        );
        return mock.state.tagCatalogue.find((t) => !on.has(t.id))?.id;
      },
      close: () => mock.close(),
    };
  }
  if (config.target === 'replay') {
    const cassettes = config.apiVersions.map((v) => readCassette(config.cassettes!, v));
    const recorded = cassettes.flatMap((c) => c.exchanges);
    const tagId = tagOfRecording(recorded);
    const recordedAt = cassettes.map((c) => c.recordedAt).filter((t): t is number => Number.isInteger(t));
    return {
      baseUrl: 'http://replay.invalid',
      token: 'replay',
      fetch: replayFetch(cassettes),
      // The replay answers what was recorded: the round trips run if they ran when recording, as recorded — the
      // snooze of each version ends when that version's recorded snooze did.
      writes: (me) => {
        const snoozeUntil = snoozeOfRecording(recorded.filter((e) => e.apiVersion === me?.apiVersion));
        if (tagId === undefined && snoozeUntil === undefined)
          return {
            allowed: false,
            reason: 'the cassettes hold no tag or state round trip (writes were off when recording)',
          };
        return {
          allowed: true,
          ...(tagId !== undefined
            ? { tagId }
            : { noTag: 'the cassettes hold no tag round trip (it was skipped when recording)' }),
          ...(snoozeUntil !== undefined
            ? { snoozeUntil }
            : { noStateTrip: 'the cassettes hold no state round trip (it was skipped when recording)' }),
        };
      },
      ...(recordedAt.length > 0 ? { now: () => Math.min(...recordedAt) } : {}),
      close: async () => {},
    };
  }
  const baseUrl = resolveBaseUrl({
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.region ? { region: config.region } : {}),
  });
  checkTransportSecurity(baseUrl, config.allowInsecure);
  return {
    baseUrl,
    token: config.token!,
    writes: (me) => liveWritePlan(config, me),
    close: async () => {},
  };
}

/** The end of the recorded state round trip's snooze (Unix seconds), if it ran. */
function snoozeOfRecording(exchanges: Exchange[]): number | undefined {
  const snooze = exchanges.find((e) => e.step === 'state:snooze');
  const until = (snooze?.request.body as { snoozed_until?: unknown } | undefined)?.snoozed_until;
  return typeof until === 'number' && Number.isInteger(until) ? until : undefined;
}

function tagOfRecording(exchanges: Exchange[]): string | undefined {
  const attach = exchanges.find((e) => e.step === 'tags:attach');
  const id = (attach?.request.body as { id?: unknown } | undefined)?.id;
  return id === undefined ? undefined : String(id);
}
