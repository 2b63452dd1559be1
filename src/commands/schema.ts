// `mes-referencing schema`: prints the manifest JSON Schema (or the report's, with --report) for editors and tools.
import { manifestSchema } from '../manifest/load.js';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import type { Command } from './command.js';
import { parseOptions } from './command.js';

export const schemaCommand: Command = {
  async run(argv, { t }) {
    const { values } = parseOptions(argv, {
      report: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${t('cli.schema.help')}\n`);
      return 0;
    }
    process.stdout.write(`${JSON.stringify(values.report ? reportSchema : manifestSchema(), null, 2)}\n`);
    return 0;
  },
};
