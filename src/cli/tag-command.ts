import { InvalidArgumentError, type Command } from 'commander';
import { formatFromPath, type FileFormat } from '../batch/format.js';
import { tagFile } from '../batch/tag-file.js';
import { createTagger } from '../tagger/tagger.js';

interface TagOptions {
  in: string;
  out: string;
  format?: FileFormat;
  outFormat?: FileFormat;
  textField: string;
  idField: string;
  model?: string;
  rulesOnly?: boolean;
}

export function registerTag(program: Command): void {
  program
    .command('tag')
    .description('Tag a JSONL or CSV file of narratives (INTERFACE.md "Batch command").')
    .option('--in <file>', 'input file, or - for standard input', '-')
    .option('--out <file>', 'output file, or - for standard output', '-')
    .option('--format <format>', 'input format, jsonl or csv (default: from the --in extension, else jsonl)', parseFormat)
    .option('--out-format <format>', 'output format (default: from the --out extension, else the input format)', parseFormat)
    .option('--text-field <name>', 'field or column holding the narrative', 'text')
    .option('--id-field <name>', 'field or column holding the record id', 'id')
    .option('--model <file>', 'use this model file instead of the shipped one')
    .option('--rules-only', 'tag with the rules alone, without the statistical model')
    .action(async (opts: TagOptions) => {
      const inputFormat = opts.format ?? (opts.in === '-' ? null : formatFromPath(opts.in)) ?? 'jsonl';
      const outputFormat = opts.outFormat ?? (opts.out === '-' ? null : formatFromPath(opts.out)) ?? inputFormat;
      const tagger = createTagger(opts.rulesOnly ? { modelPath: null } : opts.model ? { modelPath: opts.model } : {});
      const summary = await tagFile(tagger, {
        input: opts.in,
        output: opts.out,
        inputFormat,
        outputFormat,
        fields: { text: opts.textField, id: opts.idField },
        onReject: (r) => process.stderr.write(`motag tag: line ${r.line}: ${r.reason}\n`),
      });
      const rate = summary.seconds > 0 ? Math.round(summary.tagged / summary.seconds) : summary.tagged;
      process.stderr.write(
        `motag tag: ${summary.read} read, ${summary.tagged} tagged, ${summary.rejected} rejected, ${summary.seconds.toFixed(2)} s (${rate} records/s)\n`,
      );
    });
}

function parseFormat(value: string): FileFormat {
  if (value === 'jsonl' || value === 'csv') return value;
  throw new InvalidArgumentError(`unknown format "${value}" (use jsonl or csv)`);
}
