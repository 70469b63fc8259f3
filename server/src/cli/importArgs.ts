/**
 * The command line of `eqplan import`, parsed on its own so that the shared
 * argument parser only needs one line to dispatch to it.
 */
import { parseArgs } from 'node:util';
import { ACTION_FIELDS, type ColumnTarget } from '../core/import/types';
import { UsageError } from './errors';

export interface ImportArgs {
  command: 'import';
  input: string;
  output?: string;
  force: boolean;
  sheet?: string;
  objectivesFrom?: { kind: 'headings' } | { kind: 'column'; header: string };
  columns: Map<string, ColumnTarget>;
  organisation?: string;
  title?: string;
  asOf?: string;
}

export const IMPORT_HELP = `Usage: eqplan import <file.docx|file.xlsx|file.csv|file.tsv> [-o plan.eqplan.yaml] [options]

Turns a council's published plan table (Word, Excel, CSV) into a plan file,
and says what it read, what it changed and what \`eqplan check\` finds in it.
Columns are recognised by their headers ("Ref", "Action", "By when",
"Responsible officer", "RAG", "How will we measure success?" and others);
columns it does not know are kept as x- fields.

Options:
  -o, --output <file>           the plan to write (default: the input's name with .eqplan.yaml)
  --force                       replace the output file if it exists
  --sheet <name>                the Excel sheet to read (default: every visible sheet)
  --objectives-from <where>     headings (default: the section headings above each table)
                                or column:<header> (one objective per value of that column)
  --column "<header>=<field>"   read a column as a field: id, action, outcome, evidence, owner,
                                support, due, rag, status, measure, objective, skip or x-<name>
                                (repeat for several columns)
  --organisation <name>         the council's name (default: read from the document's title)
  --title <text>                the plan's title (default: the document's title)
  --as-of <YYYY-MM-DD>          check the result as if today were this date
  -h, --help                    show this help

Exit codes: 0 written; 1 written, with rows it could not import (listed);
2 nothing written (the reason is given).`;

const TARGETS: readonly string[] = [...ACTION_FIELDS, 'objective', 'skip'];

function columnTarget(value: string): ColumnTarget | undefined {
  const v = value.trim().toLowerCase();
  if (/^x-[a-z0-9][a-z0-9-]*$/.test(v)) return v as `x-${string}`;
  return (ACTION_FIELDS as readonly string[]).includes(v) || v === 'objective' || v === 'skip' ? (v as ColumnTarget) : undefined;
}

/** Parses the arguments after `import`. Throws UsageError for anything it cannot use. */
export function parseImportArgs(argv: readonly string[], asOfDate: (v: string | undefined) => string | undefined): ImportArgs | { command: 'help'; topic: 'import' } {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const option = /'(-[^']*)'/.exec(message)?.[1];
    throw new UsageError(`${option ? `\`${option}\` is not an option of import, or needs a value.` : message} Run \`eqplan import --help\` to see the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', topic: 'import' };
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'Name the file to import, for example `eqplan import equality-plan.docx`.' : `\`eqplan import\` takes one file, not ${positionals.length}. Run it once per file.`);
  }
  const columns = new Map<string, ColumnTarget>();
  for (const spec of values.column ?? []) {
    const at = spec.lastIndexOf('=');
    const target = at > 0 ? columnTarget(spec.slice(at + 1)) : undefined;
    if (at <= 0 || target === undefined) {
      throw new UsageError(`--column needs a header and a field, as "<header>=<field>", for example --column "By whom=owner"; the field is one of ${TARGETS.join(', ')} or x-<name> (got \`${spec}\`).`);
    }
    columns.set(spec.slice(0, at).trim(), target);
  }
  let objectivesFrom: ImportArgs['objectivesFrom'];
  const from = values['objectives-from'];
  if (from !== undefined) {
    if (from === 'headings') objectivesFrom = { kind: 'headings' };
    else if (/^column:.+/.test(from)) objectivesFrom = { kind: 'column', header: from.slice('column:'.length).trim() };
    else throw new UsageError(`--objectives-from must be \`headings\` or \`column:<header>\`, for example --objectives-from "column:Priority" (got \`${from}\`).`);
  }
  const nonEmpty = (option: string, v: string | undefined): string | undefined => {
    if (v !== undefined && v.trim() === '') throw new UsageError(`${option} needs a value.`);
    return v?.trim();
  };
  return {
    command: 'import',
    input: positionals[0],
    output: nonEmpty('--output', values.output),
    force: values.force === true,
    sheet: nonEmpty('--sheet', values.sheet),
    objectivesFrom,
    columns,
    organisation: nonEmpty('--organisation', values.organisation),
    title: nonEmpty('--title', values.title),
    asOf: asOfDate(values['as-of']),
  };
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  sheet: { type: 'string' },
  'objectives-from': { type: 'string' },
  column: { type: 'string', multiple: true },
  organisation: { type: 'string' },
  title: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
