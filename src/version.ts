import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** The package version, shown in model names and the OpenAPI document. */
export const VERSION: string = (createRequire(import.meta.url)(join(PACKAGE_ROOT, 'package.json')) as { version: string }).version;
