/**
 * Charts of a briefing: the dashboard's own Plot specs drawn on the server into standalone SVG
 * (with linkedom as the DOM), and SVG into PNG for Word (resvg). Plot's colour legend is HTML,
 * which neither Word nor resvg draws, so the legend travels beside the chart as data.
 */
import * as Plot from '@observablehq/plot';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import type { Block, LegendItem } from './document.ts';

/** Width the charts are drawn at: about the text width of an A4 page (165 mm at 96 dpi is 624 px; drawn a little wider so labels fit). */
export const CHART_WIDTH = 720;

const FONT_FAMILY = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';

type Chart = Pick<Extract<Block, { kind: 'chart' }>, 'svg' | 'width' | 'height' | 'legend'>;

function legendOf(color: Plot.ScaleOptions | undefined): LegendItem[] | undefined {
  if (!color?.legend || !Array.isArray(color.domain) || !Array.isArray(color.range)) return;
  const range = color.range as string[];
  return (color.domain as string[]).map((label, i) => ({ label, color: range[i % range.length]! }));
}

export function drawChart(spec: Plot.PlotOptions): Chart {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const legend = legendOf(spec.color);
  const plot = Plot.plot({
    ...spec,
    document: document as unknown as Document,
    color: spec.color ? { ...spec.color, legend: false } : undefined,
    style: { fontFamily: FONT_FAMILY, fontSize: '12px', background: 'white', color: '#1f2933' },
  });
  const svgElement = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg')!;
  const width = Number(svgElement.getAttribute('width'));
  const height = Number(svgElement.getAttribute('height'));
  const svg = svgElement.outerHTML.replace(
    /^<svg(?![^>]*xmlns=)/,
    '<svg xmlns="http://www.w3.org/2000/svg"',
  );
  return { svg, width, height, legend };
}

const FONT_DIR = '/usr/share/fonts/truetype';

/** PNG of a chart at twice its size, so it stays sharp when Word scales it to the page. */
export function chartPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: {
      loadSystemFonts: true,
      fontDirs: [FONT_DIR],
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
    },
  });
  return resvg.render().asPng();
}
