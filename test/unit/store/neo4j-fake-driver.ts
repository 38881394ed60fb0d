import type { DriverFactory, DriverLike, Row, SessionLike, TxLike } from '../../../graph/store/neo4j/connection.ts';

/** One statement as the adapter sent it, with the session it went through. */
export interface Sent {
  cypher: string;
  params: Record<string, unknown>;
  /** 'auto' for session.run, else the managed transaction's mode. */
  via: 'auto' | 'read' | 'write';
  session: Record<string, unknown>;
  /** Which transaction (per session call) the statement belongs to. */
  tx: number;
}

/** Answers a statement with rows, shaped as the driver's records (`toObject`). */
export type Answer = (cypher: string, params: Record<string, unknown>) => Row[] | Promise<Row[]>;

/**
 * A stand-in for neo4j-driver that records the Cypher text and parameters sent and answers
 * with canned rows: the statements of each server version can be checked without a server.
 */
export function recordingDriver(answer: Answer): { factory: DriverFactory; sent: Sent[]; closed: () => boolean; configs: unknown[] } {
  const sent: Sent[] = [];
  const configs: unknown[] = [];
  let txCount = 0;
  let closed = false;
  const result = async (cypher: string, params: Record<string, unknown>) => ({ records: (await answer(cypher, params)).map((row) => ({ toObject: () => row })) });
  const driver: DriverLike = {
    session(session) {
      const s = session as Record<string, unknown>;
      const managed =
        (via: 'read' | 'write') =>
        <T>(work: (tx: TxLike) => Promise<T>): Promise<T> => {
          const tx = ++txCount;
          return work({
            run: (cypher, params = {}) => {
              sent.push({ cypher, params, via, session: s, tx });
              return result(cypher, params);
            },
          });
        };
      const self: SessionLike = {
        run: (cypher, params = {}) => {
          sent.push({ cypher, params, via: 'auto', session: s, tx: ++txCount });
          return result(cypher, params);
        },
        executeRead: managed('read'),
        executeWrite: managed('write'),
        close: async () => undefined,
      };
      return self;
    },
    close: async () => {
      closed = true;
    },
  };
  return {
    factory: (_uri, _auth, config) => {
      configs.push(config);
      return driver;
    },
    sent,
    closed: () => closed,
    configs,
  };
}

/** The version row `CALL dbms.components()` answers with. */
export const componentsRow = (version: string): Row[] => [{ version, edition: 'community' }];
