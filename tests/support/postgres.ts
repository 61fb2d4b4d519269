// Fresh PostgreSQL databases for test runs, made on the server a URL points at: the integration
// suite (global-setup.ts) and the PostgreSQL end-to-end run (scripts/e2e-server.mjs) share this.
import pg from "pg";

// Only databases named like a test run's are ever dropped: a mistyped URL cannot wipe real data.
const TEST_DATABASE = /^apertis_(it|e2e)(_[a-z0-9]+)*$/;

/** Runs `fn` on the server's maintenance database (`postgres`), whatever database `url` names. */
async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = "/postgres";
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function testDatabaseName(name: string): string {
  if (!TEST_DATABASE.test(name)) throw new Error(`refusing to drop database "${name}" (test databases are named apertis_it_* or apertis_e2e_*)`);
  return name;
}

/** Drops `name` (closing its connections) and creates it empty on `url`'s server; returns its URL. */
export async function freshDatabase(url: string, name: string): Promise<string> {
  testDatabaseName(name);
  await onServer(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops the test database `url` names. */
export async function dropDatabase(url: string): Promise<void> {
  const name = testDatabaseName(new URL(url).pathname.slice(1));
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
