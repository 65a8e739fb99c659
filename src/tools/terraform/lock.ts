import { commandLine } from '../../core/shell-quote.js';

/** Who holds a state lock, as Terraform prints it under "Lock Info:". */
interface LockHolder {
  id: string;
  who?: string;
  operation?: string;
  created?: string;
  path?: string;
}

const FIELDS: Record<string, keyof LockHolder> = { ID: 'id', Who: 'who', Operation: 'operation', Created: 'created', Path: 'path' };

/** The lock's holder when Terraform failed because the state is locked, else `undefined`. */
export function lockHolder(stderr: string): LockHolder | undefined {
  if (!/Error acquiring the state lock/.test(stderr)) return undefined;
  const holder: Partial<LockHolder> = {};
  for (const line of stderr.split('\n')) {
    const match = line.replace(/^[│\s]+/, '').match(/^(ID|Who|Operation|Created|Path):\s+(.*)$/);
    if (match) holder[FIELDS[match[1]!]!] = match[2]!.trim();
  }
  return holder.id ? (holder as LockHolder) : { id: 'unknown' };
}

/**
 * What to tell a person: who holds the lock since when, and the command that releases it. Reign
 * never releases a lock itself: only a person can know the holder is gone rather than slow.
 */
export function lockMessage(holder: LockHolder, where: { dir: string; workspace?: string | undefined }): { message: string; hint: string } {
  const operation = holder.operation?.replace(/^OperationType/, '').toLowerCase();
  const message = `the state is locked by ${holder.who ?? 'another process'}${operation ? ` running ${operation}` : ''}${holder.created ? ` since ${holder.created}` : ''} (lock ID ${holder.id})`;
  const unlock = commandLine([...(where.workspace ? [`TF_WORKSPACE=${where.workspace}`] : []), 'terraform', `-chdir=${where.dir}`, 'force-unlock', holder.id]);
  return { message, hint: `wait for it to finish and try again; if that process is gone for good, release the lock yourself with: ${unlock}` };
}
