import { z } from 'zod';
import type { App } from '../app/app.js';
import { table, type Output } from './output.js';

/** `reign actions`: the catalog, as a table or with each input's JSON Schema. */
export async function actionsCommand(app: App, _opts: { json?: boolean }, out: Output): Promise<number> {
  const actions = app.registry.all();
  if (out.json) {
    out.jsonValue(
      actions.map((a) => ({
        id: a.id,
        title: a.title,
        risk: typeof a.risk === 'string' ? a.risk : 'depends on input',
        undo: Boolean(a.undo),
        input: z.toJSONSchema(a.input, { io: 'input', unrepresentable: 'any' }),
      })),
    );
    return 0;
  }
  out.line(table(['ACTION', 'RISK', 'UNDO', 'TITLE'], actions.map((a) => [a.id, typeof a.risk === 'string' ? a.risk : 'by input', a.undo ? 'yes' : '-', a.title])));
  return 0;
}
