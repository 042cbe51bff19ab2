import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatedDir } from '../../src/util/paths.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { responseTarget } from '../../src/validate/validate.ts';

/**
 * Parse + validate versus JSON.parse alone, on the same bytes: a retrieve with 500 parts and a list page of 150
 * conversations, per version. Bodies are built from each description's own examples, repaired to conform
 * (the bench measures the cost of validating a valid body, the common case).
 */

type Json = Record<string, unknown>;

function example(version: string, operationId: string): Json {
  const op = loadArtifacts(version).index.operations[operationId]!;
  const media = op.responses['200']!.content['application/json']!;
  return structuredClone(Object.values(media.examples)[0]) as Json;
}

/** Objects that the 2.11 examples set to null but whose schemas are not nullable. */
const REPAIRS: Json = {
  conversation_rating: {
    rating: 5,
    remark: '',
    created_at: 1671028894,
    contact: { type: 'contact', id: '1' },
    teammate: { type: 'admin', id: '2' },
  },
  teammates: { type: 'admin.list', teammates: [{ type: 'admin', id: '3' }] },
  first_contact_reply: { created_at: 1663597223, type: 'conversation', url: null },
  sla_applied: { type: 'conversation_sla_summary', sla_name: 'VIP', sla_status: 'hit' },
  statistics: { type: 'conversation_statistics', time_to_assignment: 10, count_reopens: 1 },
  ai_agent: { source_type: 'workflow' },
  topics: { type: 'topic.list', topics: [], total_count: 0 },
};

function repaired(conversation: Json): Json {
  const out: Json = { ...conversation };
  for (const [k, v] of Object.entries(REPAIRS))
    if (out[k] === null || !(k in out)) out[k] = structuredClone(v);
  delete out.ticket;
  return out;
}

function part(i: number): Json {
  return {
    type: 'conversation_part',
    id: String(1000 + i),
    part_type: 'comment',
    body: `<p>Reply number ${i} with some <b>HTML</b> in it.</p>`,
    created_at: 1663597223 + i,
    updated_at: 1663597223 + i,
    notified_at: 1663597223 + i,
    assigned_to: { type: 'admin', id: '991267715' },
    author: { type: 'admin', id: '991267715', name: 'Ciaran Lee', email: 'admin@example.com' },
    attachments: [],
    external_id: null,
    redacted: false,
  };
}

function retrieveBody(version: string): string {
  const conversation = repaired(example(version, 'retrieveConversation'));
  conversation.conversation_parts = {
    type: 'conversation_part.list',
    conversation_parts: Array.from({ length: 500 }, (_, i) => part(i)),
    total_count: 500,
  };
  return JSON.stringify(conversation);
}

function listBody(version: string): string {
  const page = example(version, 'listConversations');
  const [first] = page.conversations as Json[];
  page.conversations = Array.from({ length: 150 }, (_, i) => ({
    ...repaired(first!),
    id: String(10_000 + i),
  }));
  page.total_count = 150;
  return JSON.stringify(page);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return (performance.now() - start) / iterations;
}

function measureRatio(bytes: string, validate: (v: unknown) => boolean, rounds = 21, iterations = 40) {
  if (!validate(JSON.parse(bytes))) throw new Error('bench body does not conform; fix the fixture');
  for (let i = 0; i < 50; i++) validate(JSON.parse(bytes)); // warm-up
  const parse: number[] = [];
  const both: number[] = [];
  for (let r = 0; r < rounds; r++) {
    parse.push(time(() => JSON.parse(bytes), iterations));
    both.push(time(() => validate(JSON.parse(bytes)), iterations));
  }
  return { parseMs: median(parse), parseValidateMs: median(both), ratio: median(both) / median(parse) };
}

function loadTimeMs(version: string): number {
  const file = join(generatedDir(), version, 'validators.cjs');
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const samples = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })),
  );
  return median(samples);
}

export function benchValidate(versions: string[]): string[] {
  const lines = [
    'parse + validate vs JSON.parse alone (median of 21 rounds × 40 iterations; target ≤ 1.30×)',
  ];
  for (const version of versions) {
    const artifacts = loadArtifacts(version);
    for (const [label, operationId, body] of [
      ['retrieve, 500 parts', 'retrieveConversation', retrieveBody(version)],
      ['list page, 150 conversations', 'listConversations', listBody(version)],
    ] as const) {
      const { validate } = responseTarget(artifacts, operationId, 200);
      const m = measureRatio(body, validate);
      lines.push(
        `  ${version}  ${label.padEnd(30)} ${(body.length / 1024).toFixed(0).padStart(5)} KiB  parse ${m.parseMs.toFixed(3)} ms  parse+validate ${m.parseValidateMs.toFixed(3)} ms  ratio ${m.ratio.toFixed(2)}×`,
      );
    }
    lines.push(`  ${version}  load time of generated validators: ${loadTimeMs(version).toFixed(1)} ms`);
  }
  return lines;
}
