// The action's entry point: `run()` runs the action (inputs → pipeline → GitHub publishers) and sets the exit code.
// The runner reaches it through the bundle (dist/index.js, built from src/bundle.ts); @github/local-action imports
// this file and calls `run()` to run the action on a developer's machine (docs/github-action.md).
import { runAction } from './github/action.js';

/** Runs the action with the runner's environment (INPUT_*, GITHUB_*); resolves to the exit code it set. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const code = await runAction(env);
  process.exitCode = code;
  return code;
}
