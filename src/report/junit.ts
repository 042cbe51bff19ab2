import type { CheckResult, Finding, RunResult } from '../model/result.ts';
import { requestText } from './groups.ts';
import { compactJson, durationSeconds, finish, locationOf, prepare, type RenderOptions } from './prepare.ts';
import { displayValue } from './visible.ts';
import { countOf, statusEntry, statusOf } from './vocabulary.ts';
import { attrs, xmlText } from './xml.ts';

/**
 * `junit.xml`: one `<testsuite>` per API version × operation, one `<testcase>` per check, in the one vocabulary
 * (the testcase's `status` attribute): violation → `<failure type="violation">`, error → `<error>`, skip →
 * `<skipped message>`, known quirk and pass → passed, the quirks and other notes in `<system-out>`. A testcase's
 * `time` is the check's `durationMs` (its own time plus its operation's requests); a suite's, their sum. Shape accepted by the Jenkins/GitLab/GitHub reporters
 * (validated against tests/report/junit.xsd).
 */
export function renderJunit(result: RunResult, options: RenderOptions = {}): string {
  const run = prepare(result, options);
  const suites = new Map<string, CheckResult[]>();
  for (const r of run.results) {
    const key = `${r.apiVersion}\u0000${r.operationId}`;
    suites.set(key, [...(suites.get(key) ?? []), r]);
  }
  const count = (list: CheckResult[], outcome: CheckResult['outcome']) =>
    list.filter((r) => r.outcome === outcome).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({
      name: run.run.kit.name,
      tests: run.results.length,
      failures: count(run.results, 'fail'),
      errors: count(run.results, 'error'),
      time: durationSeconds(run).toFixed(3),
    })}>`,
  ];
  for (const cases of suites.values()) {
    const { apiVersion, operationId } = cases[0]!;
    const spec = run.specs[apiVersion];
    lines.push(
      `  <testsuite${attrs({
        name: `${apiVersion} › ${operationId}`,
        tests: cases.length,
        failures: count(cases, 'fail'),
        errors: count(cases, 'error'),
        skipped: count(cases, 'skip'),
        time: seconds(cases.reduce((n, r) => n + (r.durationMs ?? 0), 0)),
        timestamp: run.run.startedAt.replace(/Z$/, ''),
        package: `${run.run.kit.name}.${apiVersion}`,
      })}>`,
      '    <properties>',
      ...Object.entries({
        'api-version': apiVersion,
        operation: operationId,
        target: run.run.target,
        scenario: run.run.scenario,
        seed: run.run.seed,
        'spec-commit': spec?.commit,
        'spec-sha256': spec?.sha256,
        redacted: String(run.run.redacted),
      })
        .filter(([, v]) => v !== undefined)
        .map(([name, value]) => `      <property${attrs({ name, value: String(value) })}/>`),
      '    </properties>',
      ...cases.map((r) => testcase(r, run)),
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return finish(lines.join('\n'), options);
}

function testcase(r: CheckResult, run: RunResult): string {
  const head = `    <testcase${attrs({
    classname: `${run.run.kit.name}.${r.apiVersion}.${r.operationId}`,
    name: r.checkId,
    time: seconds(r.durationMs ?? 0),
    status: statusEntry(statusOf(r)).word,
  })}`;
  const violations = r.findings.filter((f) => f.classification === 'violation');
  const others = r.findings.filter((f) => f.classification !== 'violation');
  const body: string[] = [];
  if (r.outcome === 'skip') body.push(`      <skipped${attrs({ message: r.reason ?? 'skipped' })}/>`);
  if (r.outcome === 'error') {
    const message = r.reason ?? 'the check could not run';
    body.push(
      `      <error${attrs({ message: oneLine(message), type: 'error' })}>${xmlText(listing(message, r.findings))}</error>`,
    );
  }
  if (r.outcome === 'fail') {
    const message =
      violations.length > 0
        ? `${countOf(violations.length, 'violation')}: ${locationOf(violations[0]!) || r.operationId} ${violations[0]!.message}`
        : (r.reason ?? 'check failed');
    body.push(
      `      <failure${attrs({ message: oneLine(message), type: 'violation' })}>${xmlText(listing(r.reason, violations))}</failure>`,
    );
  }
  const notes = r.outcome === 'error' ? [] : r.outcome === 'fail' ? others : r.findings;
  if (notes.length > 0) body.push(`      <system-out>${xmlText(listing(undefined, notes))}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

function seconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

const CLASS_WORD = { violation: 'violation', 'known-quirk': 'known quirk', conforms: 'note' } as const;

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}

function listing(reason: string | undefined, findings: Finding[]): string {
  const blocks = findings.map((f) => {
    const lines = [
      `${CLASS_WORD[f.classification]}${f.quirk ? ` [${f.quirk.id}]` : ''} ${f.checkId} ${locationOf(f)} ${f.keyword ? `${f.keyword}: ` : ''}${f.message}`.replace(
        / +/g,
        ' ',
      ),
    ];
    if (f.params && Object.keys(f.params).length > 0) lines.push(`  params: ${compactJson(f.params, 300)}`);
    if (f.value !== undefined) lines.push(`  value: ${displayValue(f.value, 300)}`);
    if (f.specPointer) lines.push(`  spec: ${f.specPointer}`);
    if (f.request) lines.push(`  request: ${requestText(f)}`);
    if (f.quirk) lines.push(`  quirk: ${f.quirk.summary}${f.quirk.source ? ` (${f.quirk.source})` : ''}`);
    return lines.join('\n');
  });
  return [reason, ...blocks].filter((s) => s !== undefined && s !== '').join('\n\n');
}
