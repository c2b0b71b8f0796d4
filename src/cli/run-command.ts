// How the CLI commands end on a problem the operator must fix (a bad setting, the data
// folder held by the running bot): the one sentence that says what to do, exit code 1,
// no stack trace.
import { ConfigError } from '../config.js';

export async function runCommand(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
