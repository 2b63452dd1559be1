// The GitHub Action entry point (bundled to dist/index.js): inputs → pipeline → GitHub publishers.
import { runAction } from './github/action.js';

process.exitCode = await runAction();
