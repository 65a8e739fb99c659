import type { Action } from '../../core/action.js';
import { backupActions } from './backup.js';
import { lifecycleActions } from './lifecycle.js';
import { operateActions } from './operate.js';

/** Compose stacks through the Compose CLI this machine has (see cli.ts). */
export const composeActions: Action[] = [...lifecycleActions, ...operateActions, ...backupActions];
