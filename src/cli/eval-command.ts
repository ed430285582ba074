import type { Command } from 'commander';
import { readGold } from '../corpus/read-gold.js';
import { SPLITS, type Split } from '../corpus/record.js';
import { errorCases, familyPrecision, scoreSystem, type EvalReport } from '../eval/evaluate.js';
import { formatReport } from '../eval/format-report.js';
import { loadKeywordBaseline } from '../rules/keyword-baseline.js';
import { createTagger } from '../tagger/tagger.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Precision, recall and F1 per tag against a labelled JSONL file, beside the keyword baseline.')
    .requiredOption('--gold <file>', 'labelled JSONL: {"id","text","labels":{tag:0|1}}')
    .option('--split <name>', `only records of this split (${SPLITS.join(', ')})`)
    .option('--errors', 'list false positives and false negatives with their evidence')
    .option('--json', 'print the figures as JSON')
    .option('--model <file>', 'evaluate this model file instead of the shipped one')
    .option('--rules-only', 'evaluate the rules without the statistical model')
    .action((opts: { gold: string; split?: string; errors?: boolean; json?: boolean; model?: string; rulesOnly?: boolean }) => {
      if (opts.split !== undefined && !(SPLITS as readonly string[]).includes(opts.split)) {
        throw new Error(`unknown split "${opts.split}" (use ${SPLITS.join(', ')})`);
      }
      const all = readGold(opts.gold);
      const gold = opts.split ? all.filter((g) => g.split === (opts.split as Split)) : all;
      if (gold.length === 0) throw new Error(`no records${opts.split ? ` in split "${opts.split}"` : ''} in ${opts.gold}`);
      const tagger = createTagger(opts.rulesOnly ? { modelPath: null } : opts.model ? { modelPath: opts.model } : {});
      const keyword = loadKeywordBaseline();
      const results = gold.map((g) => tagger.tag(g.text, g.id));
      const report: EvalReport = {
        records: gold.length,
        systems: [
          scoreSystem(tagger.model, gold, results.map((r) => new Set(r.tags))),
          scoreSystem('keyword baseline', gold, gold.map((g) => new Set(keyword.tags(g.text)))),
        ],
        families: familyPrecision(gold, results),
        errors: opts.errors ? errorCases(gold, results) : [],
      };
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, { errors: Boolean(opts.errors) }));
    });
}
