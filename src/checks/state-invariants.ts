import { isRecord } from './read.ts';
import { conversationsOf, defineCheck, finding, quirk, quirkRef, requestOf } from './types.ts';

const ID = 'state-invariants';
const OPERATIONS = ['listConversations', 'retrieveConversation', 'searchConversations', 'manageConversation'];

type Rule = { open?: boolean; snoozed_until?: string };

/** The state rules the snoozed-open quirk carries (`x-state-implies`), read through guards. */
function rulesOf(data: unknown): Record<string, Rule> | undefined {
  if (!isRecord(data)) return undefined;
  const out: Record<string, Rule> = {};
  for (const [state, rule] of Object.entries(data)) {
    if (!isRecord(rule)) continue;
    out[state] = {
      ...(typeof rule.open === 'boolean' ? { open: rule.open } : {}),
      ...(typeof rule.snoozed_until === 'string' ? { snoozed_until: rule.snoozed_until } : {}),
    };
  }
  return out;
}

/**
 * `state: snoozed` ⇒ `open: true` and a future `snoozed_until`; `state: closed` ⇒ `open: false` — as the quirk
 * registry documents — on every conversation received, including the one the state round trip snoozed, closed
 * and reopened itself (`kitStates` in the observations), so the rules never depend on the workspace by chance.
 */
export const stateInvariants = defineCheck<{
  rules: Record<string, Rule>;
  convs: ReturnType<typeof conversationsOf>;
}>({
  id: ID,
  summary: 'snoozed ⇒ open and snoozed_until in the future; closed ⇒ not open (snoozed-open quirk data)',
  applies(ctx) {
    const rules = rulesOf(quirk(ctx, 'snoozed-open')?.data['x-state-implies']);
    const all = conversationsOf(ctx.collected);
    return OPERATIONS.map((operationId) => {
      if (!rules)
        return {
          operationId,
          outcome: 'skip' as const,
          reason: `no documented state invariants for API ${ctx.apiVersion} (quirk snoozed-open)`,
        };
      const convs = all.filter(
        (x) => x.exchange.operationId === operationId && rules[String(x.conversation.state)],
      );
      return convs.length > 0
        ? { operationId, subject: { rules, convs } }
        : {
            operationId,
            outcome: 'skip' as const,
            reason: 'no conversation with a state the rules cover was received',
          };
    });
  },
  verify(ctx, { rules, convs }) {
    const q = quirk(ctx, 'snoozed-open');
    const findings = [];
    for (const { conversation: c, exchange, path } of convs) {
      const rule = rules[String(c.state)]!;
      if (rule.open !== undefined && c.open !== rule.open)
        findings.push(
          finding(
            ID,
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
      if (
        rule.snoozed_until === 'future' &&
        !(typeof c.snoozed_until === 'number' && c.snoozed_until > ctx.now)
      )
        findings.push(
          finding(
            ID,
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
    // The rules ran on states the kit put a conversation in itself (the state round trip), not only on chance.
    const byKit = convs.filter((x) => x.kitState);
    return {
      findings,
      observations: {
        conversationsChecked: convs.length,
        kitStates: byKit.map((x) => String(x.conversation.state)).sort(),
      },
    };
  },
});
