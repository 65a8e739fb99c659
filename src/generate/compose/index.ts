export { composeDocument, composeFile, STACK_NETWORK } from './compose-file.js';
export { envFile, parseEnvFile } from './env-file.js';
export { makefile } from './makefile.js';
export { readme } from './readme.js';
export { stackFromManifests, type Manifest } from './kubernetes.js';
export { COMPOSE_FILE, projectFiles } from './project.js';
export { projectNameFrom, resolveServices, secretNames, stackFromCatalog, type Stack } from './stack.js';
export { servicesOfComposeFile, type ExistingService } from './existing.js';
