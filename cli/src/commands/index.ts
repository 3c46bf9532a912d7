// The command table: one entry per subcommand of `imr`. To add a command,
// write cli/src/commands/<name>.ts exporting a CliCommand and add it here.
import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { renderCommand } from './render';
import { importCommand } from './import';
import { criteriaCommand } from './criteria';

export const COMMANDS: CliCommand[] = [checkCommand, renderCommand, importCommand, criteriaCommand];
