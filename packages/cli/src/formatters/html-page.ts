import { cspHash } from './html-escape';

const STYLE = `
:root { color-scheme: light dark; --error: #c62828; --warning: #b26a00; --note: #1565c0; --muted: #6b6b6b; --mark: #ffe08a; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 80rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { padding: .15rem .75rem .15rem 0; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
.counts { display: flex; flex-wrap: wrap; gap: 0 3rem; }
#filters { position: sticky; top: 0; background: Canvas; border-bottom: 1px solid #8884; padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: center; }
#filters[hidden] { display: none; } fieldset { border: 0; margin: 0; padding: 0; display: inline-flex; gap: .75rem; }
ol.findings { list-style: none; padding: 0; margin: 0; }
li[data-finding] { border-left: 4px solid var(--muted); padding: .35rem .75rem; margin: .5rem 0; content-visibility: auto; contain-intrinsic-size: auto 8rem; }
li[data-severity="error"] { border-color: var(--error); } li[data-severity="warning"] { border-color: var(--warning); } li[data-severity="note"] { border-color: var(--note); }
li[data-suppressed] { opacity: .7; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; letter-spacing: .04em; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.note { color: var(--note); }
.pos, .where, .extra { color: var(--muted); overflow-wrap: anywhere; } .msg { margin: .15rem 0; overflow-wrap: anywhere; }
p { margin: 0; }
pre.excerpt { margin: .4rem 0 0; padding: .4rem 0; background: #8881; overflow-x: auto; font-size: 12.5px; }
.row { display: block; padding-right: .75rem; } .row.hit { background: #ffd54f33; }
.ln { display: inline-block; min-width: 3.5rem; padding-right: .75rem; text-align: right; color: var(--muted); user-select: none; }
mark { background: var(--mark); color: #000; } .mask, .cut { color: var(--muted); }
body.hide-error li[data-severity="error"], body.hide-warning li[data-severity="warning"], body.hide-note li[data-severity="note"],
body.hide-suppressed li[data-suppressed] { display: none; }
`;

/**
 * Filters and grouping. Runs once at load over the checkboxes and the groups only (never over
 * every finding, so that a large report opens fast); regrouping by rule moves the finding
 * elements on demand. Builds nodes with textContent only: no markup from the page is parsed again.
 */
const SCRIPT = `
(function () {
  'use strict';
  var body = document.body;
  var form = document.getElementById('filters');
  var byFile = document.getElementById('by-file');
  var byRule = document.getElementById('by-rule');
  var shown = document.getElementById('shown');
  var keys = ['error', 'warning', 'note'];
  var moves = null;
  function checked(name) { var box = form.elements.namedItem(name); return box !== null && box.checked; }
  function visibleIn(counts) {
    var total = 0;
    keys.forEach(function (key, index) {
      if (!checked(key)) return;
      total += counts[index];
      if (checked('suppressed')) total += counts[index + 3];
    });
    return total;
  }
  function countsOf(element) { return (element.getAttribute('data-counts') || '0 0 0 0 0 0').split(' ').map(Number); }
  function apply() {
    keys.concat(['suppressed']).forEach(function (key) { body.classList.toggle('hide-' + key, !checked(key)); });
    var groups = document.querySelectorAll('section.group');
    for (var i = 0; i < groups.length; i++) groups[i].hidden = visibleIn(countsOf(groups[i])) === 0;
    shown.textContent = String(visibleIn(countsOf(form)));
  }
  function groupByRule() {
    if (moves !== null) return;
    moves = [];
    var lists = {};
    var findings = byFile.querySelectorAll('li[data-finding]');
    for (var i = 0; i < findings.length; i++) {
      var item = findings[i];
      var rule = item.getAttribute('data-rule');
      var entry = lists[rule];
      if (!entry) {
        var section = document.createElement('section');
        section.className = 'group';
        var heading = document.createElement('h2');
        heading.appendChild(item.querySelector('.rule').cloneNode(true));
        var list = document.createElement('ol');
        list.className = 'findings';
        section.appendChild(heading);
        section.appendChild(list);
        entry = lists[rule] = { section: section, list: list, counts: [0, 0, 0, 0, 0, 0] };
        byRule.appendChild(section);
      }
      entry.counts[keys.indexOf(item.getAttribute('data-severity')) + (item.hasAttribute('data-suppressed') ? 3 : 0)]++;
      moves.push([item, item.parentNode]);
      entry.list.appendChild(item);
    }
    Object.keys(lists).forEach(function (rule) { lists[rule].section.setAttribute('data-counts', lists[rule].counts.join(' ')); });
  }
  function groupByFile() {
    if (moves === null) return;
    moves.forEach(function (move) { move[1].appendChild(move[0]); });
    moves = null;
    while (byRule.firstChild) byRule.removeChild(byRule.firstChild);
  }
  form.addEventListener('change', function () {
    var rule = checked('group-rule');
    if (rule) groupByRule(); else groupByFile();
    byFile.hidden = rule;
    byRule.hidden = !rule;
    apply();
  });
  form.hidden = false;
  apply();
})();
`;

/** The page's head and its Content-Security-Policy: nothing may load, only these inline bodies run. */
export function pageHead(title: string): string {
  const policy = `default-src 'none'; style-src ${cspHash(STYLE)}; script-src ${cspHash(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '',
  ].join('\n');
}

/** The script last, once every element it looks for is there. */
export function pageEnd(): string {
  return `<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}
