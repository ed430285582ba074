/*
 * Small inline SVG charts, so the report is one self-contained file that
 * opens anywhere with no network and no script.
 */
const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Horizontal paired bars: the classifier's count beside the keyword method's, per label. */
export function pairedBars(rows: { label: string; a: number; b: number }[], names: [string, string]): string {
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const left = 190;
  const width = 420;
  const rowH = 34;
  const h = rows.length * rowH + 40;
  const bars = rows
    .map((r, i) => {
      const y = 30 + i * rowH;
      const wa = (width * r.a) / max;
      const wb = (width * r.b) / max;
      return `<text x="${left - 8}" y="${y + 14}" text-anchor="end" class="lbl">${esc(r.label)}</text>
<rect x="${left}" y="${y}" width="${wa.toFixed(1)}" height="12" class="a"><title>${esc(names[0])}: ${r.a}</title></rect>
<text x="${left + wa + 4}" y="${y + 10}" class="num">${r.a}</text>
<rect x="${left}" y="${y + 14}" width="${wb.toFixed(1)}" height="12" class="b"><title>${esc(names[1])}: ${r.b}</title></rect>
<text x="${left + wb + 4}" y="${y + 24}" class="num">${r.b}</text>`;
    })
    .join('\n');
  const legend = `<rect x="${left}" y="6" width="12" height="12" class="a"/><text x="${left + 16}" y="16" class="lbl">${esc(names[0])}</text>
<rect x="${left + 170}" y="6" width="12" height="12" class="b"/><text x="${left + 186}" y="16" class="lbl">${esc(names[1])}</text>`;
  return `<svg width="${left + width + 60}" height="${h}" viewBox="0 0 ${left + width + 60} ${h}" role="img">${legend}\n${bars}</svg>`;
}

/** A small line chart of one monthly series. */
export function sparkline(title: string, points: { label: string; value: number }[]): string {
  const w = 300;
  const h = 120;
  const pad = 24;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number): number => pad + (points.length <= 1 ? 0 : (i * (w - 2 * pad)) / (points.length - 1));
  const y = (v: number): number => h - pad - (v * (h - 2 * pad)) / max;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" class="dot"><title>${esc(p.label)}: ${p.value}</title></circle>`).join('');
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img"><text x="${pad}" y="14" class="lbl">${esc(title)} (max ${max})</text>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" class="axis"/><path d="${path}" class="line"/>${dots}
<text x="${pad}" y="${h - 6}" class="num">${esc(first)}</text><text x="${w - pad}" y="${h - 6}" text-anchor="end" class="num">${esc(last)}</text></svg>`;
}

export { esc };
