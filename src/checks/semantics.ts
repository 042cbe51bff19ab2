import {
  type Check,
  type CheckVerdict,
  conversationsOf,
  finding,
  quirk,
  quirkRef,
  requestOf,
} from './types.ts';

type Conv = Record<string, unknown>;

const ADMIN_AUTHORS = new Set(['admin', 'bot', 'team']);

/** `state: snoozed` ⇒ `open: true` and a future `snoozed_until`; `state: closed` ⇒ `open: false` — as the quirk registry documents. */
export const stateInvariants: Check = {
  id: 'state-invariants',
  summary: 'snoozed ⇒ open and snoozed_until in the future; closed ⇒ not open (snoozed-open quirk data)',
  run(ctx) {
    const q = quirk(ctx, 'snoozed-open');
    const rules = q?.data['x-state-implies'] as
      | Record<string, { open?: boolean; snoozed_until?: string }>
      | undefined;
    const convs = conversationsOf(ctx.collected);
    const verdicts: CheckVerdict[] = [];
    for (const operationId of ['listConversations', 'retrieveConversation']) {
      if (!rules) {
        verdicts.push({
          operationId,
          findings: [],
          outcome: 'skip',
          reason: `no documented state invariants for API ${ctx.apiVersion} (quirk snoozed-open)`,
        });
        continue;
      }
      const findings = [];
      let checked = 0;
      for (const { conversation: c, exchange, path } of convs.filter(
        (x) => x.exchange.operationId === operationId,
      )) {
        const rule = rules[String(c.state)];
        if (!rule) continue;
        checked++;
        if (rule.open !== undefined && c.open !== rule.open) {
          findings.push(
            finding(
              this.id,
              'violation',
              `conversation ${c.id}: state ${c.state} but open is ${JSON.stringify(c.open)}`,
              {
                instancePath: `${path}/open`,
                value: c.open,
                request: requestOf(exchange),
                quirk: quirkRef(q),
              },
            ),
          );
        }
        if (
          rule.snoozed_until === 'future' &&
          !(typeof c.snoozed_until === 'number' && c.snoozed_until > ctx.now)
        ) {
          findings.push(
            finding(
              this.id,
              'violation',
              `conversation ${c.id}: snoozed but snoozed_until ${JSON.stringify(c.snoozed_until)} is not in the future`,
              {
                instancePath: `${path}/snoozed_until`,
                value: c.snoozed_until,
                request: requestOf(exchange),
                quirk: quirkRef(q),
              },
            ),
          );
        }
      }
      verdicts.push({ operationId, findings, observations: { conversationsChecked: checked } });
    }
    return verdicts;
  },
};

function lastReply(c: Conv): { authorType?: string } | undefined {
  const parts = (c.conversation_parts as { conversation_parts?: Conv[] } | undefined)?.conversation_parts;
  const comments = (Array.isArray(parts) ? parts : []).filter((p) => p.part_type === 'comment');
  const last = comments.at(-1) ?? (c.source as Conv | undefined);
  const author = last?.author as { type?: string } | undefined;
  return last ? { authorType: author?.type } : undefined;
}

/** `waiting_since` is null iff the last reply is an admin's (where parts are visible, i.e. on retrieve). */
export const waitingSince: Check = {
  id: 'waiting-since',
  summary: "waiting_since is null iff the last reply is an admin's",
  run(ctx) {
    const findings = [];
    let checked = 0;
    for (const { conversation: c, exchange } of conversationsOf(ctx.collected).filter(
      (x) => x.exchange.operationId === 'retrieveConversation',
    )) {
      const reply = lastReply(c);
      if (!reply?.authorType) continue;
      checked++;
      const adminLast = ADMIN_AUTHORS.has(reply.authorType);
      const waiting = c.waiting_since;
      if (adminLast && waiting !== null) {
        findings.push(
          finding(
            this.id,
            'violation',
            `conversation ${c.id}: last reply by ${reply.authorType} but waiting_since is ${JSON.stringify(waiting)}`,
            { instancePath: '/waiting_since', value: waiting, request: requestOf(exchange) },
          ),
        );
      } else if (!adminLast && waiting === null) {
        findings.push(
          finding(
            this.id,
            'violation',
            `conversation ${c.id}: last reply by ${reply.authorType} but waiting_since is null`,
            { instancePath: '/waiting_since', value: waiting, request: requestOf(exchange) },
          ),
        );
      }
    }
    return [
      checked === 0
        ? {
            operationId: 'retrieveConversation',
            findings,
            outcome: 'skip',
            reason: 'no retrieved conversation showed its replies',
          }
        : { operationId: 'retrieveConversation', findings, observations: { conversationsChecked: checked } },
    ];
  },
};

/** A rating is an integer from 1 to 5, or null. */
export const ratingRange: Check = {
  id: 'rating-range',
  summary: 'conversation_rating.rating is 1–5 or null',
  run(ctx) {
    const verdicts: CheckVerdict[] = [];
    for (const operationId of ['listConversations', 'retrieveConversation']) {
      const findings = [];
      for (const { conversation: c, exchange, path } of conversationsOf(ctx.collected).filter(
        (x) => x.exchange.operationId === operationId,
      )) {
        const rating = (c.conversation_rating as { rating?: unknown } | null | undefined)?.rating;
        if (rating === undefined || rating === null) continue;
        if (!(Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= 5)) {
          findings.push(
            finding(
              this.id,
              'violation',
              `conversation ${c.id}: rating ${JSON.stringify(rating)} is not 1–5 or null`,
              {
                instancePath: `${path}/conversation_rating/rating`,
                value: rating,
                request: requestOf(exchange),
              },
            ),
          );
        }
      }
      verdicts.push({ operationId, findings });
    }
    return verdicts;
  },
};

/** Parts come only with a retrieve, at most the 500 most recent (conversation-parts-cap quirk data). */
export const partsCap: Check = {
  id: 'parts-cap',
  summary: 'list items carry no conversation_parts; a retrieve returns at most 500 parts, total_count kept',
  run(ctx) {
    const q = quirk(ctx, 'conversation-parts-cap');
    const max = q?.data['x-max-returned'];
    const retrieveOnly = q?.data['x-retrieve-only'] === true;
    if (typeof max !== 'number') {
      const reason = `no documented parts cap for API ${ctx.apiVersion} (quirk conversation-parts-cap)`;
      return ['listConversations', 'retrieveConversation'].map((operationId) => ({
        operationId,
        findings: [],
        outcome: 'skip' as const,
        reason,
      }));
    }
    const convs = conversationsOf(ctx.collected);
    const listFindings = retrieveOnly
      ? convs
          .filter(
            (x) =>
              x.exchange.operationId === 'listConversations' &&
              x.conversation.conversation_parts !== undefined,
          )
          .map(({ conversation: c, exchange, path }) =>
            finding(this.id, 'violation', `list item ${c.id} carries conversation_parts`, {
              instancePath: `${path}/conversation_parts`,
              request: requestOf(exchange),
              quirk: quirkRef(q),
            }),
          )
      : [];
    const retrieveFindings = [];
    let largest = 0;
    for (const { conversation: c, exchange } of convs.filter(
      (x) => x.exchange.operationId === 'retrieveConversation',
    )) {
      const parts = c.conversation_parts as
        | { conversation_parts?: unknown[]; total_count?: unknown }
        | undefined;
      if (!parts || !Array.isArray(parts.conversation_parts)) continue;
      const n = parts.conversation_parts.length;
      largest = Math.max(largest, typeof parts.total_count === 'number' ? parts.total_count : n);
      if (n > max) {
        retrieveFindings.push(
          finding(this.id, 'violation', `conversation ${c.id}: ${n} parts returned, more than ${max}`, {
            instancePath: '/conversation_parts/conversation_parts',
            value: n,
            request: requestOf(exchange),
            quirk: quirkRef(q),
          }),
        );
      }
      if (
        typeof parts.total_count === 'number' &&
        (parts.total_count < n || (parts.total_count > max && n !== max))
      ) {
        retrieveFindings.push(
          finding(
            this.id,
            'violation',
            `conversation ${c.id}: ${n} parts returned of total_count ${parts.total_count}`,
            {
              instancePath: '/conversation_parts/total_count',
              value: parts.total_count,
              request: requestOf(exchange),
              quirk: quirkRef(q),
            },
          ),
        );
      }
    }
    return [
      { operationId: 'listConversations', findings: listFindings },
      {
        operationId: 'retrieveConversation',
        findings: retrieveFindings,
        observations: { largestTotalCount: largest },
      },
    ];
  },
};

const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

/** `display_as=plaintext` returns bodies without HTML. */
export const plaintext: Check = {
  id: 'plaintext',
  summary: 'display_as=plaintext returns message bodies without HTML',
  run(ctx) {
    const e = ctx.collected.plaintext;
    if (!e)
      return [
        {
          operationId: 'retrieveConversation',
          findings: [],
          outcome: 'skip',
          reason: 'no retrieved conversation had an HTML body',
        },
      ];
    // No readable answer (timeout, reset, not JSON): the harness could not check it.
    if (e.status === undefined || (e.status === 200 && e.body === undefined))
      return [
        {
          operationId: 'retrieveConversation',
          findings: [],
          outcome: 'error',
          reason: e.error ?? 'the body could not be read',
        },
      ];
    if (e.status !== 200)
      return [
        {
          operationId: 'retrieveConversation',
          findings: [
            finding(this.id, 'violation', `display_as=plaintext answered ${e.status ?? e.error}`, {
              request: requestOf(e),
            }),
          ],
        },
      ];
    const c = e.body as Conv;
    const bodies: Array<[string, unknown]> = [['/source/body', (c.source as Conv | undefined)?.body]];
    const parts =
      (c.conversation_parts as { conversation_parts?: Conv[] } | undefined)?.conversation_parts ?? [];
    parts.forEach((p, i) => {
      bodies.push([`/conversation_parts/conversation_parts/${i}/body`, p.body]);
    });
    const findings = bodies
      .filter(([, b]) => typeof b === 'string' && HTML_TAG.test(b))
      .map(([path, b]) =>
        finding(this.id, 'violation', `${path} still contains HTML`, {
          instancePath: path,
          value: ctx.redact(b, 'body'),
          request: requestOf(e),
        }),
      );
    return [{ operationId: 'retrieveConversation', findings }];
  },
};
