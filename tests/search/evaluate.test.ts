import { describe, expect, it } from 'vitest';
import type { SearchNode } from '../../src/model/search.ts';
import { evaluate } from '../../src/search/evaluate.ts';
import { SEARCH_FIELDS, tokensOf } from '../../src/search/fields.ts';
import { validateQuery } from '../../src/search/validate.ts';
import { sampleConversations, searchExampleConversation } from './conversations.ts';

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value }) as SearchNode;
const and = (...value: SearchNode[]): SearchNode => ({ operator: 'AND', value });
const or = (...value: SearchNode[]): SearchNode => ({ operator: 'OR', value });

const convs = sampleConversations();
/** The ids of the sample conversations a query matches. */
const matching = (q: SearchNode, options = {}) =>
  convs.filter((c) => evaluate(q, c, options)).map((c) => c.id);

/** given a query, want the ids of the sample conversations (101 … 108) it matches. */
const TABLE: Array<[string, SearchNode, string[]]> = [
  ['id =', f('id', '=', '103'), ['103']],
  ['id !=', f('id', '!=', '103'), ['101', '102', '104', '105', '106', '107', '108']],
  ['id IN', f('id', 'IN', ['101', '108', 'nope']), ['101', '108']],
  ['id NIN', f('id', 'NIN', ['101', '102', '103', '104', '105', '106']), ['107', '108']],
  ['state =', f('state', '=', 'snoozed'), ['103', '107']],
  ['open = false', f('open', '=', false), ['102', '105']],
  ['read IN [true]', f('read', 'IN', [true]), ['102', '104', '106', '108']],
  ['created_at > (or equal)', f('created_at', '>', 1700000600), ['107', '108']],
  ['created_at < (or equal) as a numeric string', f('created_at', '<', '1700000100'), ['101', '102']],
  ['created_at = ', f('created_at', '=', 1700000200), ['103']],
  ['a window', and(f('created_at', '>', 1700000199), f('created_at', '<', 1700000301)), ['103', '104']],
  ['updated_at >', f('updated_at', '>', 1700005650), ['108']],
  ['snoozed_until = null', f('snoozed_until', '=', null), ['101', '102', '104', '105', '106', '108']],
  ['snoozed_until != null', f('snoozed_until', '!=', null), ['103', '107']],
  [
    'admin_assignee_id = (integer)',
    f('admin_assignee_id', '=', 991267715),
    ['102', '103', '105', '106', '108'],
  ],
  ['admin_assignee_id = null', f('admin_assignee_id', '=', null), ['101', '104', '107']],
  ['team_assignee_id as a string', f('team_assignee_id', '=', '5017691'), ['101', '103', '105', '107']],
  ['tag_ids = (any tag)', f('tag_ids', '=', '9'), ['102', '105', '106']],
  ['tag_ids != (no tag equals)', f('tag_ids', '!=', '7'), ['101', '103', '104', '106', '107', '108']],
  ['tag_ids IN', f('tag_ids', 'IN', ['7', '404']), ['102', '105']],
  ['tag_ids NIN', f('tag_ids', 'NIN', ['9']), ['101', '103', '104', '107', '108']],
  ['contact_ids = (any contact)', f('contact_ids', '=', 'contact-shared'), ['105']],
  ['contact_ids ^', f('contact_ids', '^', 'contact-s'), ['105']],
  ['teammate_ids', f('teammate_ids', '=', '991267715'), ['103']],
  ['source.author.email ~', f('source.author.email', '~', 'BLOGGS'), ['102', '104', '106', '108']],
  ['source.author.email !~', f('source.author.email', '!~', 'bloggs'), ['101', '103', '105', '107']],
  ['source.author.email $', f('source.author.email', '$', '@email.com'), ['101', '103', '105', '107']],
  ['source.author.name ^', f('source.author.name', '^', 'joe'), ['102', '104', '106', '108']],
  ['source.subject =', f('source.subject', '=', 'Billing question'), ['102']],
  ['source.author.type', f('source.author.type', '=', 'user'), ['102', '104', '106', '108']],
  ['statistics.time_to_assignment >', f('statistics.time_to_assignment', '>', 50), ['106', '107', '108']],
  ['statistics.count_reopens IN', f('statistics.count_reopens', 'IN', [2]), ['103', '106']],
  ['statistics.first_contact_reply_at = null', f('statistics.first_contact_reply_at', '=', null), ['101']],
  ['conversation_rating.score (rating)', f('conversation_rating.score', '=', 5), ['102']],
  [
    'conversation_rating.contact_id (contact.id)',
    f('conversation_rating.contact_id', '=', 'contact-1'),
    ['102'],
  ],
  ['conversation_rating.admin_d (teammate.id)', f('conversation_rating.admin_d', '=', '991267715'), ['102']],
  ['conversation_rating.remark ~', f('conversation_rating.remark', '~', 'great'), ['102']],
  ['ai_agent_participated', f('ai_agent_participated', '=', true), ['108']],
  ['ai_agent.rating >', f('ai_agent.rating', '>', 3), ['108']],
  ['priority', f('priority', '=', 'priority'), ['104']],
  [
    'a field no model has: = null matches all',
    f('channel_initiated', '=', null),
    convs.map((c) => String(c.id)),
  ],
  ['a field no model has: = a value matches none', f('conversation_rating.requested_at', '>', 0), []],
  // source.body, per token
  ['body: one token', f('source.body', '=', 'support'), ['101', '105']],
  ['body: two tokens never match', f('source.body', '=', 'need support'), []],
  ['body: case-insensitive', f('source.body', '=', 'INVOICE'), ['102']],
  ['body: markup is not a token', f('source.body', '=', 'b'), []],
  ['body: an entity is decoded, not a token', f('source.body', '=', 'amp'), []],
  ['body: != no token equals', f('source.body', '!=', 'support'), ['102', '103', '104', '106', '107', '108']],
  ['body: IN', f('source.body', 'IN', ['refund', 'login']), ['103', '104']],
  ['body: ~ within a token', f('source.body', '~', 'voic'), ['102']],
  ['body: ^ a token start', f('source.body', '^', 'pass'), ['105']],
  ['body: $ a token end', f('source.body', '$', 'rted'), ['108']],
  ['body: !~ empty body', f('source.body', '!~', 'e'), ['107']],
  // groups
  ['AND', and(f('state', '=', 'open'), f('read', '=', true)), ['104', '106', '108']],
  ['OR', or(f('id', '=', '101'), f('id', '=', '102')), ['101', '102']],
  [
    '(1 OR 2) AND (3 OR 4)',
    and(
      or(f('state', '=', 'open'), f('state', '=', 'snoozed')),
      or(f('tag_ids', '=', '9'), f('id', '=', '101')),
    ),
    ['101', '106'],
  ],
  ['an OR of one', or(f('id', '=', '104')), ['104']],
];

describe('evaluate: every operator, field kind and group over crafted conversations', () => {
  it.each(TABLE)('%s', (_name, query, want) => {
    expect(validateQuery(query, '2.16')).toMatchObject({ ok: true });
    expect(matching(query)).toEqual(want);
  });

  it('reads > and < as "or equal" (the operator table), or strictly when asked', () => {
    const q = and(f('created_at', '>', 1700000200), f('created_at', '<', 1700000300));
    expect(matching(q)).toEqual(['103', '104']);
    expect(matching(q, { comparison: 'strict' })).toEqual([]);
    expect(matching(f('created_at', '>=', 1700000700), { comparison: 'strict' })).toEqual(['108']);
    expect(matching(f('created_at', '<=', 1700000000), { comparison: 'strict' })).toEqual(['101']);
  });

  it('matches the documented "I need support" example per token', () => {
    const c = { ...searchExampleConversation(), source: { body: '<p>I need support</p>' } };
    expect(evaluate(f('source.body', '=', 'support'), c)).toBe(true);
    expect(evaluate(f('source.body', '=', 'need support'), c)).toBe(false);
    expect(evaluate(f('source.body', '=', 'I need support'), c)).toBe(false);
    expect(tokensOf('<p>I need support</p>')).toEqual(['I', 'need', 'support']);
  });

  it("matches the description's own search example and its answer (2.16)", () => {
    const c = searchExampleConversation();
    const query = and(f('created_at', '>', '1306054154'));
    expect(evaluate(query, c)).toBe(true);
    expect(evaluate(f('state', '=', 'closed'), c)).toBe(true);
    expect(evaluate(f('source.author.email', '=', 'admin210@email.com'), c)).toBe(true);
    expect(evaluate(f('contact_ids', '=', '6762f14a1bb69f9f2193bbb3'), c)).toBe(true);
    expect(evaluate(f('source.body', '=', 'message'), c)).toBe(true);
    // statistics and conversation_rating are null in the example: their fields read as absent.
    expect(evaluate(f('statistics.count_reopens', '>', 0), c)).toBe(false);
    expect(evaluate(f('statistics.count_reopens', '=', null), c)).toBe(true);
  });

  it('reads every documented field from a conversation, or knows that no version has it', () => {
    const absent = SEARCH_FIELDS.filter((x) => x.path === null).map((x) => x.field);
    expect(absent).toEqual([
      'channel_initiated',
      'conversation_rating.requested_at',
      'conversation_rating.replied_at',
    ]);
  });
});
