/**
 * Reading generated documents back as a reader would: the DOCX through its XML, the PDF through
 * poppler (pdftotext, pdfinfo, pdftoppm), the DOCX again through LibreOffice's own rendering.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const XML_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

/** Whitespace (incl. the no-break spaces of the briefings) as single spaces. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of the runs, a tab (the signature's «должность → имя») read as a space. */
const runsText = (xml: string) =>
  squash(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((m) => m[1] ?? ' ')
      .join('')
      .replace(/&(lt|gt|quot|apos|amp);/g, (e) => XML_ENTITIES[e]!),
  );

export interface DocxContent {
  /** every paragraph's text, tables included, in order */
  paragraphs: string[];
  /** every table as rows of cell texts */
  tables: string[][][];
  header: string;
  footerXml: string;
}

export async function readDocx(data: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const part = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const body = await part('word/document.xml');
  const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    t[1]!
      .split('</w:tr>')
      .slice(0, -1)
      .map((row) => row.split('</w:tc>').slice(0, -1).map(runsText)),
  );
  return {
    paragraphs: body.split('</w:p>').map(runsText).filter(Boolean),
    tables,
    header: runsText(await part('word/header1.xml')),
    footerXml: await part('word/footer1.xml'),
  };
}

function needTool(tool: string, pkg: string) {
  if (!existsSync(`/usr/bin/${tool}`))
    throw new Error(
      `Тесты справок требуют ${tool}, а его нет: выполните от root npm run provision (его же запускает npm test) или apt-get install -y --no-install-recommends ${pkg}`,
    );
}

function withFile<T>(data: Buffer, name: string, work: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mko-doc-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, data);
    return work(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfContent {
  pages: number;
  pageSize: string;
  /** each page's text (pdftotext -layout) */
  pageTexts: string[];
  /** the whole text with whitespace squashed */
  text: string;
}

export function readPdf(data: Buffer): PdfContent {
  needTool('pdftotext', 'poppler-utils');
  return withFile(data, 'doc.pdf', (path) => {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const all = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const pageTexts = all.split('\f').slice(0, pages);
    return { pages, pageSize: /Page size:\s+(.*)/.exec(info)![1]!, pageTexts, text: squash(all) };
  });
}

/** The PDF's pages as PNG files in `dir` (named `<stem>-NN.png`), to look at. */
export function pdfPagesToPng(data: Buffer, dir: string, stem: string) {
  needTool('pdftoppm', 'poppler-utils');
  mkdirSync(dir, { recursive: true });
  withFile(data, 'doc.pdf', (path) =>
    execFileSync('pdftoppm', ['-r', '60', '-png', path, join(dir, stem)]),
  );
}

/** The DOCX as LibreOffice renders it, converted to PDF. */
export function libreOfficePdf(docx: Buffer): Buffer {
  needTool('libreoffice', 'libreoffice-writer-nogui');
  return withFile(docx, 'doc.docx', (path, dir) => {
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return readFileSync(join(dir, 'doc.pdf'));
  });
}
