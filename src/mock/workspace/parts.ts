import type { Rng } from './prng.ts';
import type { Admin, ContactPerson } from './roster.ts';

/** Conversation parts: generated in time order, the last one matching the conversation's state. */

export type AuthorKind = 'admin' | 'user' | 'lead' | 'bot';

export interface PartFacts {
  partType: string;
  authorKind: AuthorKind;
  authorId: string;
  createdAt: number;
  assignedTo: string | null;
}

const CONTACT_BODIES = [
  '<p>Hi, I can&#39;t log in to my account since this morning.</p>',
  '<p>Is there a way to export my invoices &amp; receipts?</p>',
  '<p>The app shows <b>&quot;Error 42&quot;</b> when I upload a file.</p>',
  '<p>Thanks, that worked!</p><p>One more question though&hellip;</p>',
  '<p>Could you change the plan to annual billing?</p>',
  '<p>I&#x27;d like to cancel my subscription.</p>',
];

const ADMIN_BODIES = [
  '<p>Thanks for reaching out &mdash; let me check that for you.</p>',
  '<p>Could you send us a screenshot?<br>That helps a lot.</p>',
  '<p>This is fixed now. Let us know if anything else comes up &#128578;</p>',
  '<p>I&#39;ve forwarded this to our <i>billing</i> team.</p>',
  '<p>You can find it under <a href="https://example.com/settings">Settings &gt; Billing</a>.</p>',
];

const NOTE_BODIES = [
  '<p>Customer is on the legacy plan &lt;2022&gt;.</p>',
  '<p>Escalated to engineering, see ticket.</p>',
  '<p>Refund approved by finance.</p>',
];

const BOT_BODY = '<p>Mock Workspace typically replies in a few hours.</p>';

export type ConversationState = 'open' | 'closed' | 'snoozed';

/** Times: `count` non-decreasing timestamps in (createdAt, updatedAt], the last one exactly `updatedAt`. */
export function partTimes(r: Rng, count: number, createdAt: number, updatedAt: number): number[] {
  if (count === 0) return [];
  const weights: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const w = 0.05 + r.next();
    weights.push(w);
    total += w;
  }
  const span = updatedAt - createdAt;
  const times: number[] = [];
  let acc = 0;
  let previous = createdAt;
  for (let i = 0; i < count; i++) {
    acc += weights[i]!;
    const t = i === count - 1 ? updatedAt : Math.max(previous, createdAt + Math.ceil((span * acc) / total));
    times.push(Math.min(t, updatedAt));
    previous = times[i]!;
  }
  return times;
}

/** The facts of every part (types, authors, times); bodies and JSON come later. */
export function partFacts(
  r: Rng,
  times: number[],
  state: ConversationState,
  contact: ContactPerson,
  admins: Admin[],
): PartFacts[] {
  const facts: PartFacts[] = [];
  for (let i = 0; i < times.length; i++) {
    const last = i === times.length - 1;
    const admin = r.pick(admins).id;
    let partType = 'comment';
    let authorKind: AuthorKind;
    let assignedTo: string | null = null;
    if (last && state === 'closed') partType = 'close';
    else if (last && state === 'snoozed') partType = 'snoozed';
    else {
      const roll = r.next();
      if (roll < 0.12) partType = 'note';
      else if (roll < 0.25) partType = 'assignment';
      else if (roll < 0.28 && i > 0) partType = 'open';
    }
    if (partType === 'comment') {
      const who = r.next();
      authorKind = who < 0.5 ? contact.kind : who < 0.95 ? 'admin' : 'bot';
    } else authorKind = partType === 'assignment' && r.chance(0.3) ? 'bot' : 'admin';
    if (partType === 'assignment') assignedTo = admin;
    const authorId = authorKind === 'admin' ? admin : authorKind === 'bot' ? 'bot' : contact.id;
    facts.push({ partType, authorKind, authorId, createdAt: times[i]!, assignedTo });
  }
  return facts;
}

export function partBody(r: Rng, f: PartFacts): string | null {
  if (f.partType === 'note') return r.pick(NOTE_BODIES);
  if (f.partType !== 'comment') return null;
  if (f.authorKind === 'bot') return BOT_BODY;
  return f.authorKind === 'admin' ? r.pick(ADMIN_BODIES) : r.pick(CONTACT_BODIES);
}

export function authorJson(
  kind: AuthorKind,
  id: string,
  contact: ContactPerson,
  admins: Admin[],
  botId: string,
): Record<string, unknown> {
  if (kind === 'admin') {
    const a = admins.find((x) => x.id === id) ?? admins[0]!;
    return { type: 'admin', id: a.id, name: a.name, email: a.email };
  }
  if (kind === 'bot') return { type: 'bot', id: botId, name: 'Operator', email: 'operator+mock@intercom.io' };
  return { type: kind, id: contact.id, name: contact.name, email: contact.email };
}
