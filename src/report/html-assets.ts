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
code.id { overflow-wrap: normal; word-break: keep-all; white-space: nowrap; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: var(--muted); }
td.bad { background: var(--violation-bg); color: var(--violation); font-weight: 600; }
td.warn { background: var(--quirk-bg); color: var(--quirk); font-weight: 600; }
.verdict { font-weight: 600; padding: 8px 12px; border-radius: 6px; display: inline-block; }
.verdict.violation { background: var(--violation-bg); color: var(--violation); }
.verdict.error { background: var(--quirk-bg); color: var(--quirk); }
.subline { color: var(--muted); margin: 6px 0; }
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
details.meta > summary { color: var(--muted); cursor: pointer; }
section > details > summary { cursor: pointer; }
section > details > summary > h2 { display: inline-block; border: 0; margin: 20px 0 8px; }
h3.group-heading { margin-top: 14px; }
details.group { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; margin: 4px 0; }
details.group.violation { border-left-color: var(--violation); }
details.group.known-quirk { border-left-color: var(--quirk); }
details.group.conforms { border-left-color: var(--ok); }
details.group > summary { padding: 4px 10px; cursor: pointer; }
details.group > summary .count { font-weight: 600; font-variant-numeric: tabular-nums; }
details.group > summary .where, details.group > summary .example { color: var(--muted); }
details.group > summary .where::before, details.group > summary .example::before { content: " · "; }
.group-body { padding: 4px 12px 8px; border-top: 1px solid var(--line); }
table.instances { width: 100%; }
table.instances td:nth-child(-n+2) { white-space: nowrap; }
table.instances td:nth-child(n+3):nth-child(-n+5) { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
table.instances td:nth-child(4) { min-width: 14ch; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.badge.violation, .badge.error { background: var(--violation-bg); color: var(--violation); }
.badge.known-quirk { background: var(--quirk-bg); color: var(--quirk); }
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
  var data = document.getElementById('instances');
  var groups = Array.prototype.slice.call(document.querySelectorAll('details.group'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.result'));
  var instances = null;
  function cell(tr, text, tag) {
    var td = document.createElement(tag || 'td');
    td.textContent = text;
    tr.appendChild(td);
  }
  function render(group) {
    var target = group.querySelector('.instances');
    if (!target || target.firstChild) return;
    if (instances === null) instances = data ? JSON.parse(data.textContent || '[]') : [];
    var list = instances[Number(group.dataset.group)] || [];
    var table = document.createElement('table');
    table.className = 'instances';
    var head = document.createElement('tr');
    ['Version', 'Operation', 'Path', 'Value', 'Request', 'Message'].forEach(function (t) { cell(head, t, 'th'); });
    var thead = document.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = document.createElement('tbody');
    list.forEach(function (x) {
      var tr = document.createElement('tr');
      tr.className = 'instance';
      for (var i = 0; i < 6; i++) cell(tr, x[i]);
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    target.appendChild(table);
  }
  groups.forEach(function (group) {
    group.addEventListener('toggle', function () { if (group.open) render(group); });
    if (group.open) render(group);
  });
  if (!form || !status) return;
  function selected(name) {
    var set = new Set();
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (input) { set.add(input.value); });
    return set;
  }
  function any(list, set) {
    return (list || '').split(' ').some(function (x) { return set.has(x); });
  }
  function apply() {
    var versions = selected('version');
    var operations = selected('operation');
    var classes = selected('classification');
    var shown = 0;
    groups.forEach(function (group) {
      var visible = classes.has(group.dataset.classification) && any(group.dataset.versions, versions) &&
        any(group.dataset.operations, operations);
      group.hidden = !visible;
      if (visible) shown++;
    });
    rows.forEach(function (row) {
      row.hidden = !(versions.has(row.dataset.version) && operations.has(row.dataset.operation));
    });
    status.textContent = 'Showing ' + shown + ' of ' + groups.length + ' groups';
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;
