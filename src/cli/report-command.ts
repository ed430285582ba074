import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadKeywordBaseline } from '../rules/keyword-baseline.js';
import { aggregateTaggedCsv } from '../report/aggregate.js';
import { DATE_ORDERS, type DateOrder } from '../report/dates.js';
import { reportFigures } from '../report/figures.js';
import { renderHtml } from '../report/render-html.js';

interface ReportOptions {
  in: string;
  out: string;
  format: 'html' | 'json';
  textField: string;
  dateField?: string;
  groupField?: string;
  idField?: string;
  dateFormat?: DateOrder;
  compare?: string;
  title: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('An analyst report from a CSV written by motag tag: rates per tag with 95% intervals beside the keyword method, where the two disagree, street-ASB families, monthly and group tables, change in rate from an earlier period.')
    .requiredOption('--in <file>', 'tagged CSV or TSV (output of motag tag; the delimiter is read from the header)')
    .requiredOption('--out <file>', 'report file, or - for standard output')
    .option('--format <format>', 'html or json', parseFormat, 'html')
    .option('--text-field <name>', 'column holding the narrative (for the keyword method)', 'MO_text')
    .option('--date-field <name>', 'date column, for a monthly series')
    .option('--date-format <order>', 'dmy (14/03/2025) or mdy (03/14/2025) for numeric dates; default: read from the column', parseDateOrder)
    .option('--group-field <name>', 'column to break the counts down by (a ward, say)')
    .option('--id-field <name>', 'record id column, shown beside the disagreement samples (default: id when present, else row numbers)')
    .option('--compare <file>', 'tagged CSV or TSV of an earlier period, for the change table')
    .option('--title <text>', 'report title', 'motag report')
    .action(async (opts: ReportOptions) => {
      const keyword = loadKeywordBaseline();
      const aggregate = { textField: opts.textField, dateField: opts.dateField, groupField: opts.groupField, idField: opts.idField, dateFormat: opts.dateFormat };
      const later = await aggregateTaggedCsv(opts.in, keyword, aggregate);
      const earlier = opts.compare ? await aggregateTaggedCsv(opts.compare, keyword, aggregate) : null;
      const figures = reportFigures(later, earlier);
      const body =
        opts.format === 'json'
          ? `${JSON.stringify(figures, null, 2)}\n`
          : renderHtml(figures, { title: opts.title, source: basename(opts.in), compareSource: opts.compare ? basename(opts.compare) : undefined });
      if (opts.out === '-') process.stdout.write(body);
      else writeFileSync(opts.out, body);
      process.stderr.write(`motag report: ${later.records} records${earlier ? ` (earlier period ${earlier.records})` : ''} -> ${opts.out}\n`);
    });
}

function parseFormat(value: string): 'html' | 'json' {
  if (value === 'html' || value === 'json') return value;
  throw new InvalidArgumentError('format must be html or json');
}

function parseDateOrder(value: string): DateOrder {
  if ((DATE_ORDERS as readonly string[]).includes(value)) return value as DateOrder;
  throw new InvalidArgumentError('date format must be dmy (day first) or mdy (month first)');
}
