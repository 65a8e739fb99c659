export { createSecretScanner, isSecretKey, type SecretMatch, type SecretScanner, type SecretScannerOptions } from './scanner.js';
export { SECRET_RULES, type SecretRule } from './rules.js';
