export { createSecretScanner, type SecretScanner } from './scanner.js';

