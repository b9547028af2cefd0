/**
 * A briefing as a print page: the HTML Chromium turns into the PDF. Tables repeat their header
 * on every page and never split a row; charts are inline SVG scaled to the text width.
 */
import type { Block, Briefing } from './document.ts';

/** Text as HTML: the characters markup would take as its own. */
export const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 12pt/1.32 "Liberation Serif", "Times New Roman", serif; color: #000; margin: 0; }
h1.title { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
p.subtitle { text-align: center; font-style: italic; margin: 0 0 14pt; }
h1 { font-size: 14pt; margin: 16pt 0 6pt; break-after: avoid; }
h2 { font-size: 12.5pt; margin: 11pt 0 4pt; break-after: avoid; }
p { margin: 0 0 5pt; text-align: justify; }
ul { margin: 0 0 6pt; padding-left: 18pt; }
li { margin-bottom: 2pt; }
.caption { font-weight: bold; font-size: 11pt; margin: 10pt 0 4pt; text-align: left; break-after: avoid; }
.note { font-size: 10pt; color: #444; font-style: italic; margin: 3pt 0 8pt; text-align: left; }
table { margin-bottom: 8pt; width: 100%; border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 9.5pt; line-height: 1.2; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th, td { border-right: 0.5pt solid #000; border-bottom: 0.5pt solid #000; padding: 2pt 3.5pt; vertical-align: middle; overflow-wrap: anywhere; hyphens: auto; }
tr > :first-child { border-left: 0.5pt solid #000; }
thead tr:first-child th { border-top: 0.5pt solid #000; }
th { background: #d9e2f3; font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
table.body-text { font-size: 12pt; line-height: 1.3; }
table.body-text th { background: none; }
table.body-text th, table.body-text td { padding: 3pt 5pt; }
figure { margin: 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.legend { text-align: center; font-size: 10pt; margin: 0 0 3pt; }
.legend span { margin: 0 8pt; white-space: nowrap; }
tr.span td { font-weight: bold; }
.lines { margin: 0 0 12pt; }
.lines.center { text-align: center; }
.lines.right { text-align: right; margin-left: 50%; }
.lines.bold, .lines.title { font-weight: bold; }
.lines.title { font-size: 16pt; margin-top: 10pt; }
.lines.new-page { break-before: page; }
.nowrap { white-space: nowrap; }
.signature { display: flex; justify-content: space-between; margin: 24pt 0 12pt; break-inside: avoid; }
`;

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
  const cols = block.columns.map((c) => `<col style="width:${c.width}%">`).join('');
  const head = block.columns.map((c) => `<th>${escape(c.title)}</th>`).join('');
  const span = block.columns.length;
  const row = (cells: string[], cls = '') =>
    cells.length === 1 && span > 1
      ? `<tr class="span"><td colspan="${span}">${escape(cells[0]!)}</td></tr>`
      : `<tr${cls ? ` class="${cls}"` : ''}>${cells
          .map(
            (text, i) =>
              `<td${block.columns[i]?.numeric ? ' class="num"' : ''}>${escape(text)}</td>`,
          )
          .join('')}</tr>`;
  const body = [
    ...block.rows.map((r) => row(r)),
    ...(block.totals ?? []).map((r) => row(r, 'total')),
  ].join('\n');
  const caption = block.caption ? `<div class="caption">${escape(block.caption)}</div>\n` : '';
  return `${caption}<table${block.bodyText ? ' class="body-text"' : ''}><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${block.note ? `<p class="note">${escape(block.note)}</p>` : ''}`;
}

function chartHtml(block: Extract<Block, { kind: 'chart' }>): string {
  const legend = block.legend?.length
    ? `<div class="legend">${block.legend
        .map((l) => `<span><span style="color:${l.color}">■</span> ${escape(l.label)}</span>`)
        .join('')}</div>`
    : '';
  return `<figure><div class="caption">${escape(block.caption)}</div>${legend}${block.svg}
<p class="note">${escape(block.note)}</p></figure>`;
}

/** «2025-2026» kept on one line: a school year is not broken at its hyphen. */
const keepYears = (html: string) =>
  html.replace(/\b(\d{4}-\d{4})\b/g, '<span class="nowrap">$1</span>');

function linesHtml(block: Extract<Block, { kind: 'lines' }>): string {
  const classes = ['lines', block.align, block.style, block.newPage && 'new-page'].filter(Boolean);
  const lines = block.lines.map((line) => keepYears(escape(line)));
  return `<div class="${classes.join(' ')}">${lines.join('<br>')}</div>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escape(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${keepYears(escape(block.text))}</p>`;
    case 'bullets':
      return `<ul>${block.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block);
    case 'chart':
      return chartHtml(block);
    case 'lines':
      return linesHtml(block);
    case 'signature':
      return `<div class="signature"><span>${escape(block.position)}</span><span>${escape(block.name)}</span></div>`;
  }
}

const titleHtml = (briefing: Briefing) =>
  `<h1 class="title">${escape(briefing.title)}</h1>
<p class="subtitle">${escape(briefing.subtitle)}</p>`;

export function briefingHtml(briefing: Briefing): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${escape(briefing.title)}</title>
<style>${STYLE}</style></head>
<body>
${briefing.official ? '' : titleHtml(briefing)}
${briefing.blocks.map(blockHtml).join('\n')}
</body></html>`;
}
