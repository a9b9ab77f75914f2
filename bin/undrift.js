#!/usr/bin/env node
import { main } from '../dist/cli/main.js';
import { endQuietlyWhenClosed } from '../dist/cli/pipe.js';

endQuietlyWhenClosed(process.stdout);
process.exitCode = await main(process.argv.slice(2));
