export { composeDocument, composeFile, STACK_NETWORK } from './compose-file.js';
export { ENV_FILE_MODE, envFile, parseEnvFile } from './env-file.js';
export { makefile } from './makefile.js';
export { readme } from './readme.js';
export { readManifests, stackFromManifests, type Manifest } from './kubernetes.js';
export { COMPOSE_FILE, projectFiles, type GeneratedFile } from './project.js';
export { ARCHIVE_IMAGE, backupOf, type ServiceBackup } from './backups.js';
export { PROJECT_NAME, projectNameFrom, resolveServices, secretNames, stackFromCatalog, type Stack, type StackService } from './stack.js';
export { servicesOfComposeFile, type ExistingService } from './existing.js';
