import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";

// `npm start` on the embedded Postgres runs the app and the worker as two processes with connections of their own
// to PGlite's one session: their queries must never meet halfway.
let embedded: EmbeddedPostgres;
let clients: pg.Client[];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  clients = await Promise.all(
    [0, 1, 2].map(async () => {
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      return client;
    }),
  );
  await clients[0]!.query("CREATE TABLE visit (id serial PRIMARY KEY, store text NOT NULL)");
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await embedded.stop();
});

/** Speaks the wire protocol by hand, so a test can pause between a query's Parse and its Bind, as a busy client may. */
async function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let buffer = Buffer.alloc(0);
  let waiting: (() => void) | null = null;
  socket.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    waiting?.();
  });
  const message = (type: string, body: Buffer) => {
    const header = Buffer.alloc(5);
    header.write(type, 0);
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const cstring = (text: string) => Buffer.from(`${text}\0`);
  const int16 = (n: number) => Buffer.from([n >> 8, n & 255]);
  const int32 = (n: number) => Buffer.from([(n >> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255]);
  /** Reads messages up to ReadyForQuery; returns the types seen and any error text. */
  const untilReady = async () => {
    const types: string[] = [];
    let error = "";
    for (;;) {
      while (buffer.length < 5 || buffer.length < 1 + buffer.readInt32BE(1)) await new Promise<void>((resolve) => (waiting = resolve));
      const length = 1 + buffer.readInt32BE(1);
      const type = String.fromCharCode(buffer[0]!);
      if (type === "E") error = buffer.subarray(5, length).toString("utf8");
      types.push(type);
      buffer = buffer.subarray(length);
      if (type === "Z") return { types, error };
    }
  };
  const startup = Buffer.concat([int32(196608), cstring("user"), cstring("postgres"), cstring("database"), cstring("postgres"), Buffer.from([0])]);
  socket.write(Buffer.concat([int32(startup.length + 4), startup]));
  await untilReady();
  return {
    parse: (sql: string) => socket.write(message("P", Buffer.concat([cstring(""), cstring(sql), int16(0)]))),
    bindExecuteSync: (values: string[]) => {
      const params = values.flatMap((value) => [int32(Buffer.byteLength(value)), Buffer.from(value)]);
      const bind = Buffer.concat([cstring(""), cstring(""), int16(0), int16(values.length), ...params, int16(0)]);
      socket.write(Buffer.concat([message("B", bind), message("E", Buffer.concat([cstring(""), int32(0)])), message("S", Buffer.alloc(0))]));
      return untilReady();
    },
    end: () => socket.end(),
  };
}

describe("the embedded Postgres shared by several connections", () => {
  it("lets no other query in between one connection's Parse and its Bind", async () => {
    const slow = await rawConnection(embedded.url);
    slow.parse("SELECT $1::int + $2::int AS sum");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = clients[1]!.query("SELECT $1::text AS word", ["in between"]);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const { types, error } = await slow.bindExecuteSync(["2", "3"]);
    slow.end();

    expect(error).toBe("");
    expect(types).toContain("D");
    expect((await other).rows).toEqual([{ word: "in between" }]);
  });

  it("keeps another connection out of an open transaction until it commits", async () => {
    const [writer, reader] = clients;
    await writer!.query("BEGIN");
    await writer!.query("INSERT INTO visit (store) VALUES ($1)", ["Harbour Road"]);

    let readerSaw: number | null = null;
    const reading = reader!.query("SELECT count(*)::int AS n FROM visit").then((r) => (readerSaw = r.rows[0].n));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readerSaw, "the reader waits rather than reading uncommitted rows").toBeNull();

    await writer!.query("INSERT INTO visit (store) VALUES ($1)", ["Hill Street"]);
    await writer!.query("COMMIT");
    await reading;
    expect(readerSaw).toBe(2);
  });

  it("rolls back the transaction of a connection that goes away, and serves the others", async () => {
    const quitter = new pg.Client({ connectionString: embedded.url });
    await quitter.connect();
    await quitter.query("BEGIN");
    await quitter.query("INSERT INTO visit (store) VALUES ($1)", ["Gone Lane"]);
    await quitter.end();

    const { rows } = await clients[1]!.query("SELECT count(*)::int AS n FROM visit WHERE store = $1", ["Gone Lane"]);
    expect(rows[0].n).toBe(0);
  });
});
