/** The inline stylesheet and script of `report.html` (no external assets; both allowed by CSP hash only). */

export const HTML_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-alt: #f6f8fa;
  --violation: #b42318; --violation-bg: #fdecea; --quirk: #8a5a00; --quirk-bg: #fff4d6; --ok: #1a7f37; --ok-bg: #e6f4ea; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
header.page, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 16px; }
h1 { font-size: 22px; margin: 8px 0; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--bg-alt); padding: 8px; margin: 4px 0; overflow: auto; max-height: 320px; white-space: pre-wrap; word-break: break-word; }
table { border-collapse: collapse; margin: 6px 0 12px; max-width: 100%; }
td, dd, code, a { overflow-wrap: anywhere; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: var(--muted); }
td.bad { background: var(--violation-bg); color: var(--violation); font-weight: 600; }
td.warn { background: var(--quirk-bg); color: var(--quirk); font-weight: 600; }
.verdict { font-weight: 600; padding: 8px 12px; border-radius: 6px; display: inline-block; }
.verdict.violation { background: var(--violation-bg); color: var(--violation); }
.verdict.conforms { background: var(--ok-bg); color: var(--ok); }
.banner { padding: 6px 12px; border-radius: 6px; background: var(--quirk-bg); color: var(--quirk); font-weight: 600; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 12px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; margin: 8px 0; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px 8px; margin: 0; }
.filters label { display: block; white-space: nowrap; }
.filters button { margin-top: 8px; }
#filter-status { color: var(--muted); }
article.finding { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
article.finding.violation { border-left-color: var(--violation); }
article.finding.known-quirk { border-left-color: var(--quirk); }
article.finding.conforms { border-left-color: var(--ok); }
article.finding h3 { margin: 0 0 4px; font-size: 14px; }
article.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; }
article.finding dt { color: var(--muted); }
article.finding dd { margin: 0; min-width: 0; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.badge.violation, .badge.fail { background: var(--violation-bg); color: var(--violation); }
.badge.known-quirk, .badge.error { background: var(--quirk-bg); color: var(--quirk); }
.badge.conforms, .badge.pass { background: var(--ok-bg); color: var(--ok); }
.badge.skip { background: var(--bg-alt); color: var(--muted); }
.muted { color: var(--muted); }
footer { color: var(--muted); padding: 24px; }
`;

export const HTML_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var status = document.getElementById('filter-status');
  if (!form || !status) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-filterable]'));
  var findings = rows.filter(function (row) { return row.classList.contains('finding'); });
  function selected(name) {
    var set = new Set();
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (input) { set.add(input.value); });
    return set;
  }
  function apply() {
    var versions = selected('version');
    var operations = selected('operation');
    var classes = selected('classification');
    var shown = 0;
    rows.forEach(function (row) {
      var visible = versions.has(row.dataset.version) && operations.has(row.dataset.operation) &&
        classes.has(row.dataset.classification);
      row.hidden = !visible;
      if (visible && row.classList.contains('finding')) shown++;
    });
    status.textContent = 'Showing ' + shown + ' of ' + findings.length + ' findings';
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;
