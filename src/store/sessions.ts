import type { Kysely } from 'kysely';
import { newId } from '../core/ids.js';
import type { SecretScanner } from '../safety/secrets/scanner.js';
import type { Database } from './schema.js';
import type { SessionState, SessionStore } from './store.js';

/** The settings row that holds the current session id. */
const CURRENT_SESSION = 'current_session';

export function createSessionStore(db: Kysely<Database>, secrets: SecretScanner): SessionStore {
  const exists = async (id: string) => Boolean(await db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst());

  const start = async (id: string) => {
    const now = new Date().toISOString();
    await db.insertInto('sessions').values({ id, state: '{}', created_at: now, updated_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  };

  const makeCurrent = async (id: string) => {
    await db
      .insertInto('settings')
      .values({ key: CURRENT_SESSION, value: id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: id }))
      .execute();
    return id;
  };

  return {
    async current(options = {}) {
      // A named session is used for this command only; the current one stays current.
      if (options.id) {
        await start(options.id);
        return options.id;
      }
      if (!options.fresh) {
        const row = await db.selectFrom('settings').select('value').where('key', '=', CURRENT_SESSION).executeTakeFirst();
        if (row && (await exists(row.value))) return row.value;
      }
      const id = newId('s');
      await start(id);
      return makeCurrent(id);
    },

    async load(sessionId) {
      const row = await db.selectFrom('sessions').select('state').where('id', '=', sessionId).executeTakeFirst();
      return row ? (JSON.parse(row.state) as SessionState) : {};
    },

    async save(sessionId, state) {
      const json = JSON.stringify(secrets.redactValue(state));
      const now = new Date().toISOString();
      await db
        .insertInto('sessions')
        .values({ id: sessionId, state: json, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ state: json, updated_at: now }))
        .execute();
    },
  };
}
