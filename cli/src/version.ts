// The version `imr --version` prints and reports carry: the extension's own.
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
