// `reign --version` from a cold process against `node -e 0`: what Reign's start adds to Node's.
import { fileURLToPath } from 'node:url';
import { comparePair } from './lib.mjs';

const reign = fileURLToPath(new URL('../bin/reign', import.meta.url));
comparePair('cold start', [process.execPath, reign, '--version'], [process.execPath, '-e', '0']);
