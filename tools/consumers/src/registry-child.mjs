// Runs Verdaccio in a process of its own (its logger writes to stdout, and a child can be killed
// at a deadline): `node registry-child.mjs <config.yaml>` listens on 127.0.0.1, a port the system
// picks, and prints one line `vodkit-registry listening on http://127.0.0.1:<port>/` once it
// accepts connections. SIGTERM closes it.
import { runServer } from 'verdaccio';

const config = process.argv[2];
if (config === undefined) {
  console.error('usage: registry-child.mjs <config.yaml>');
  process.exit(2);
}
const server = await runServer(config);
server.keepAliveTimeout = 1_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(`vodkit-registry listening on http://127.0.0.1:${port}/`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
