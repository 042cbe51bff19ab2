import type { CheckResult, Finding, RunResult } from '../model/result.ts';
import { compactJson, durationSeconds, finish, locationOf, prepare, type RenderOptions } from './prepare.ts';
import { attrs, xmlText } from './xml.ts';

/**
 * `junit.xml`: one `<testsuite>` per API version × operation, one `<testcase>` per check. Outcomes map as
 * pass → (nothing), fail → `<failure type="violation">`, error → `<error>`, skip → `<skipped message>`;
 * known quirks and other notes go to `<system-out>`. Shape accepted by the Jenkins/GitLab/GitHub reporters
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
        time: '0.000',
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
  const head = `    <testcase${attrs({ classname: `${run.run.kit.name}.${r.apiVersion}.${r.operationId}`, name: r.checkId })}`;
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
        ? `${violations.length} violation${violations.length === 1 ? '' : 's'}: ${locationOf(violations[0]!) || r.operationId} ${violations[0]!.message}`
        : (r.reason ?? 'check failed');
    body.push(
      `      <failure${attrs({ message: oneLine(message), type: 'violation' })}>${xmlText(listing(r.reason, violations))}</failure>`,
    );
  }
  const notes = r.outcome === 'error' ? [] : r.outcome === 'fail' ? others : r.findings;
  if (notes.length > 0) body.push(`      <system-out>${xmlText(listing(undefined, notes))}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}

function listing(reason: string | undefined, findings: Finding[]): string {
  const blocks = findings.map((f) => {
    const lines = [
      `${f.classification}${f.quirk ? ` [${f.quirk.id}]` : ''} ${f.checkId} ${locationOf(f)} ${f.keyword ? `${f.keyword}: ` : ''}${f.message}`.replace(
        / +/g,
        ' ',
      ),
    ];
    if (f.params && Object.keys(f.params).length > 0) lines.push(`  params: ${compactJson(f.params, 300)}`);
    if (f.value !== undefined) lines.push(`  value: ${compactJson(f.value, 300)}`);
    if (f.specPointer) lines.push(`  spec: ${f.specPointer}`);
    if (f.request)
      lines.push(
        `  request: ${f.request.method} ${f.request.url}${f.request.status ? ` → ${f.request.status}` : ''}`,
      );
    if (f.quirk) lines.push(`  quirk: ${f.quirk.summary}${f.quirk.source ? ` (${f.quirk.source})` : ''}`);
    return lines.join('\n');
  });
  return [reason, ...blocks].filter((s) => s !== undefined && s !== '').join('\n\n');
}
