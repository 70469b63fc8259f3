#!/usr/bin/env node
// The eqplan language server. Editors start it with --stdio (or --node-ipc, --socket=N, --pipe=NAME).
const transports = /^--(stdio|node-ipc|socket(=.*)?|pipe(=.*)?|clientProcessId(=.*)?)$/;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.includes('--version') || !args.some((a) => transports.test(a))) {
  if (args.includes('--version')) {
    console.log(require('../package.json').version);
    process.exit(0);
  }
  const asked = args.includes('--help') || args.includes('-h');
  (asked ? console.log : console.error)(
    'eqplan-language-server: the eqplan checks for editors that speak the Language Server Protocol.\n' +
      'Your editor starts it; it is not run by hand. Configure your editor to run:\n' +
      '  eqplan-language-server --stdio\n' +
      'To check plans from a terminal, use: eqplan check <files or folders>',
  );
  process.exit(asked ? 0 : 2);
}
require('../dist/server.js');
