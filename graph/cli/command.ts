/** A CLI sub-command: `npm run kg -- <name> args…`. Returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  run(args: string[]): Promise<number>;
}
