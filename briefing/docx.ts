/**
 * A briefing as a Word document (docx): A4, Times New Roman 12 pt, numbered captions in the
 * text, tables with a repeated header row whose rows never split, charts as PNG at text width,
 * the running head on every page (none on an official draft: its heading is in its blocks) and
 * «Стр. N из M» in the footer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip as mm,
  type IStylesOptions,
} from 'docx';
import { chartPng } from './charts.ts';
import type { Block, Briefing, TableColumn } from './document.ts';

const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 };
const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(25),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
};
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const HEADER_FILL = 'D9E2F3';
/** twips in a pixel at 96 dpi */
const TWIPS_PER_PX = 15;

const caption = (text: string) =>
  new Paragraph({ style: 'Caption', keepNext: true, keepLines: true, text });

const note = (text: string) =>
  new Paragraph({ style: 'Note', children: [new TextRun({ text, italics: true })] });

/** A table cell; `bodyText`: in the body's type, the header unshaded (an order's list). */
function cell(
  text: string,
  width: number,
  column: TableColumn,
  kind: 'head' | 'body' | 'total' | 'span',
  bodyText = false,
  columnSpan?: number,
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    verticalAlign: VerticalAlign.CENTER,
    shading:
      kind === 'head' && !bodyText
        ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' }
        : undefined,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    children: [
      new Paragraph({
        style: 'TableText',
        alignment:
          kind === 'head'
            ? AlignmentType.CENTER
            : column.numeric
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: kind !== 'body', size: bodyText ? 24 : undefined })],
      }),
    ],
  });
}

function table(block: Extract<Block, { kind: 'table' }>) {
  const widths = block.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / 100));
  const span = (text: string) =>
    cell(text, TEXT_WIDTH, block.columns[0]!, 'span', block.bodyText, widths.length);
  const row = (cells: string[], kind: 'head' | 'body' | 'total') =>
    new TableRow({
      tableHeader: kind === 'head',
      cantSplit: true,
      children:
        cells.length === 1 && widths.length > 1
          ? [span(cells[0]!)]
          : cells.map((text, i) => cell(text, widths[i]!, block.columns[i]!, kind, block.bodyText)),
    });
  return [
    ...(block.caption ? [caption(block.caption)] : []),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        row(
          block.columns.map((c) => c.title),
          'head',
        ),
        ...block.rows.map((r) => row(r, 'body')),
        ...(block.totals ?? []).map((r) => row(r, 'total')),
      ],
    }),
    ...(block.note ? [note(block.note)] : []),
    // an order's list: a blank line before the text that follows, as Word users leave one
    ...(block.bodyText && !block.note ? [new Paragraph({})] : []),
  ];
}

function chart(block: Extract<Block, { kind: 'chart' }>) {
  const width = Math.min(block.width, Math.floor(TEXT_WIDTH / TWIPS_PER_PX));
  const height = Math.round((width * block.height) / block.width);
  const legend = block.legend?.length
    ? [
        new Paragraph({
          style: 'Note',
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: block.legend.flatMap((item, i) => [
            new TextRun({ text: `${i ? '    ' : ''}■ `, color: item.color.replace('#', '') }),
            new TextRun(item.label),
          ]),
        }),
      ]
    : [];
  return [
    caption(block.caption),
    ...legend,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: chartPng(block.svg),
          transformation: { width, height },
          altText: { name: block.caption, title: block.caption, description: block.note },
        }),
      ],
    }),
    note(block.note),
  ];
}

/** Lines one under another, kept together: the last one spaced from what follows. */
function lines(block: Extract<Block, { kind: 'lines' }>) {
  const title = block.style === 'title';
  return block.lines.map(
    (text, i) =>
      new Paragraph({
        alignment: block.align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT,
        keepNext: true,
        pageBreakBefore: i === 0 && block.newPage,
        spacing: {
          before: i === 0 && title ? 200 : 0,
          after: i === block.lines.length - 1 ? 240 : 0,
        },
        children: [
          new TextRun({
            text,
            bold: block.style !== undefined,
            size: title ? 32 : undefined,
          }),
        ],
      }),
  );
}

/** «Должность ………… И.О. Фамилия»: the name at the right margin. */
const signature = (block: Extract<Block, { kind: 'signature' }>) =>
  new Paragraph({
    spacing: { before: 480, after: 240 },
    keepLines: true,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    children: [new TextRun(block.position), new TextRun({ children: [new Tab(), block.name] })],
  });

function blockParagraphs(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          text: block.text,
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ text: block.text, alignment: AlignmentType.JUSTIFIED })];
    case 'bullets':
      return block.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'table':
      return table(block);
    case 'chart':
      return chart(block);
    case 'lines':
      return lines(block);
    case 'signature':
      return [signature(block)];
  }
}

const run = (size: number, extra: object = {}) => ({ font: FONT, size, ...extra });

/** Times New Roman throughout; headings, captions, notes and table text sized and spaced. */
const STYLES: IStylesOptions = {
  default: {
    document: {
      run: run(24, { language: { value: 'ru-RU' } }),
      // lineRule AUTO: without it LibreOffice clips inline images to one line's height
      paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO, after: 100 } },
    },
    heading1: {
      run: run(28, { bold: true, color: '000000' }),
      paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
    },
    heading2: {
      run: run(25, { bold: true, color: '000000' }),
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
    title: { run: run(32, { bold: true }), paragraph: { alignment: AlignmentType.CENTER } },
  },
  paragraphStyles: [
    {
      id: 'Caption',
      name: 'Caption',
      basedOn: 'Normal',
      next: 'Normal',
      run: run(22, { bold: true }),
      paragraph: { spacing: { before: 200, after: 80 } },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: run(20, { color: '444444' }),
      paragraph: { spacing: { before: 40, after: 160 } },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: run(19),
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 0 } },
    },
  ],
};

/** The running head, right-aligned in small grey type on every page. */
const pageHeader = (runningHead: string) =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: runningHead, size: 17, color: '555555' })],
      }),
    ],
  });

/** «Стр. N из M», centred at the foot of every page. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: ['Стр. ', PageNumber.CURRENT, ' из ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });

/** The title and subtitle of a briefing; an official document's heading is in its blocks. */
const titleBlock = (briefing: Briefing) =>
  briefing.official
    ? []
    : [
        new Paragraph({ heading: HeadingLevel.TITLE, text: briefing.title }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: briefing.subtitle, italics: true })],
        }),
      ];

export async function briefingDocx(briefing: Briefing): Promise<Buffer> {
  const doc = new Document({
    creator: 'Мониторинг качества образования',
    title: briefing.title,
    description: briefing.runningHead,
    styles: STYLES,
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        headers: briefing.official ? undefined : { default: pageHeader(briefing.runningHead) },
        footers: { default: pageFooter() },
        children: [...titleBlock(briefing), ...briefing.blocks.flatMap(blockParagraphs)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
