import { constants } from 'node:fs';

/**
 * Opening flags for a rule file. Without O_NONBLOCK, opening a named pipe
 * waits for a writer, so naming one on the command line hung the run; with
 * it, the pipe opens at once and reads as empty, and its fstat says what it
 * is. Regular files ignore the flag. Windows has neither the flag nor pipes
 * in the file system.
 */
export const OPEN_RULE_FILE = process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK;
