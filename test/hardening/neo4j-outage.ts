import { createServer, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import type { DriverFactory, DriverLike, Row, SessionLike, TxLike } from '../../graph/store/neo4j/connection.ts';

/** A TCP server on 127.0.0.1 that accepts every connection and never sends a byte: a hung database. */
export async function startBlackhole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** A loopback port nothing listens on (bound once, then released): connections are refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** What a healthy 5.x server answers to the statements the outage tests send. */
function healthyAnswer(cypher: string): Row[] {
  if (cypher.startsWith('CALL dbms.components()')) return [{ version: '5.26.0', edition: 'community' }];
  if (cypher.includes('m.revision AS revision')) return [{ revision: 1 }];
  if (cypher.includes('RETURN n.type AS type, count(n) AS c')) return [{ type: 'Agency', c: 1 }];
  if (cypher.includes('WITH count(n) AS total')) return [{ total: 0, nodes: [] }];
  return [];
}

const canned = (cypher: string) => Promise.resolve({ records: healthyAnswer(cypher).map((row) => ({ toObject: () => row })) });
const cannedTx: TxLike = { run: (cypher) => canned(cypher) };

/**
 * A driver whose start-up statements (version, schema) answer as a healthy server would, and
 * whose transactions go either to the REAL neo4j-driver aimed at `outageUri` (mode "down": a
 * blackholed or refused port) or to healthy answers (mode "up"): the outage is the driver's
 * own behaviour; recovery is the store's, since the app is never restarted.
 */
export function outageDriver(outageUri: string): { factory: DriverFactory; setMode: (m: 'down' | 'up') => void; close: () => Promise<void> } {
  let mode: 'down' | 'up' = 'down';
  const reals: ReturnType<typeof neo4j.driver>[] = [];
  const factory: DriverFactory = (_uri, auth, config) => {
    const real = neo4j.driver(outageUri, auth, config);
    reals.push(real);
    const driver: DriverLike = {
      session(cfg) {
        const session: SessionLike = {
          run: (cypher) => canned(cypher),
          executeRead: <T>(work: (tx: TxLike) => Promise<T>, c?: { timeout?: number }) =>
            mode === 'up' ? work(cannedTx) : real.session(cfg).executeRead((tx) => work(tx), c),
          executeWrite: <T>(work: (tx: TxLike) => Promise<T>) => (mode === 'up' ? work(cannedTx) : real.session(cfg).executeWrite((tx) => work(tx))),
          close: async () => undefined,
        };
        return session;
      },
      close: () => real.close(),
    };
    return driver;
  };
  return {
    factory,
    setMode: (m) => {
      mode = m;
    },
    close: async () => {
      await Promise.all(reals.map((d) => d.close().catch(() => undefined)));
    },
  };
}
