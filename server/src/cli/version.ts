/** eqplan's version, from package.json (inlined by the bundler). */
import { version } from '../../../package.json';

export const VERSION: string = version;
