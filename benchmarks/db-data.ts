/**
 * The data and query shapes shared by the `db` (SQLite) and `db-pg` (PostgreSQL) scenarios, so both
 * run the same table and the same three queries. Only the placeholder syntax differs (? versus $n).
 */
import { seededRandom } from './support.ts';

/** The three query shapes every database case runs. */
export type QueryShape = 'point' | 'insert' | 'scan';
export const QUERY_SHAPES: readonly QueryShape[] = ['point', 'insert', 'scan'];

export const SHAPE_LABELS: Readonly<Record<QueryShape, string>> = {
  point: 'point read by primary key',
  insert: 'small insert in a transaction',
  scan: '100-row range scan',
};

/** Rows a range scan returns. */
export const SCAN_ROWS = 100;

/** The table's rows are filled from this seed, whatever the run's seed, so every run reads the same data. */
export const FILL_SEED = 0x5eed;

/** One row: id, name, qty, price, note (about 60 bytes, a typical small record). */
export type Row = [id: number, name: string, qty: number, price: number, note: string];

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

function word(random: () => number): string {
  return WORDS[Math.floor(random() * WORDS.length)]!;
}

/** A row made from a PRNG; ids are given by the caller. */
export function makeRow(id: number, random: () => number): Row {
  const qty = Math.floor(random() * 1000);
  const price = Math.round(random() * 100_000) / 100;
  return [
    id,
    `${word(random)}-${word(random)}`,
    qty,
    price,
    `${word(random)} ${word(random)} ${word(random)}`,
  ];
}

/** Rows 1..count, always the same for the same count. */
export function fillRows(count: number): Row[] {
  const random = seededRandom(FILL_SEED);
  const rows: Row[] = [];
  for (let id = 1; id <= count; id++) rows.push(makeRow(id, random));
  return rows;
}

/** A primary key in 1..rows, drawn from the run's seeded PRNG. */
export function pickId(random: () => number, rows: number): number {
  return 1 + Math.floor(random() * rows);
}

/** First id of a range scan, so that the whole range exists. */
export function pickScanStart(random: () => number, rows: number): number {
  return 1 + Math.floor(random() * Math.max(1, rows - SCAN_ROWS + 1));
}

/** SQL text per dialect. `items` is the filled table; inserts go to `events` so reads see fixed data. */
export function sqlFor(dialect: 'sqlite' | 'pg', items: string, events: string) {
  const p = (n: number) => (dialect === 'pg' ? `$${n}` : '?');
  const real = dialect === 'pg' ? 'DOUBLE PRECISION' : 'REAL';
  const autoId = dialect === 'pg' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY';
  return {
    createItems: `CREATE TABLE ${items} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL, price ${real} NOT NULL, note TEXT NOT NULL)`,
    createEvents: `CREATE TABLE ${events} (id ${autoId}, item_id INTEGER NOT NULL, qty INTEGER NOT NULL, note TEXT NOT NULL)`,
    insertItem: `INSERT INTO ${items} (id, name, qty, price, note) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
    /** A multi-row insert of `count` rows (PostgreSQL numbering), for filling fast. */
    insertItems: (count: number) =>
      `INSERT INTO ${items} (id, name, qty, price, note) VALUES ${Array.from(
        { length: count },
        (_, r) => `(${p(r * 5 + 1)}, ${p(r * 5 + 2)}, ${p(r * 5 + 3)}, ${p(r * 5 + 4)}, ${p(r * 5 + 5)})`,
      ).join(', ')}`,
    point: `SELECT id, name, qty, price, note FROM ${items} WHERE id = ${p(1)}`,
    scan: `SELECT id, name, qty, price, note FROM ${items} WHERE id >= ${p(1)} ORDER BY id LIMIT ${SCAN_ROWS}`,
    insert: `INSERT INTO ${events} (item_id, qty, note) VALUES (${p(1)}, ${p(2)}, ${p(3)})`,
    dropItems: `DROP TABLE IF EXISTS ${items}`,
    dropEvents: `DROP TABLE IF EXISTS ${events}`,
  };
}

/** Parameters of the small insert: which item, how many, a short note. */
export function insertParams(random: () => number, rows: number): [number, number, string] {
  return [pickId(random, rows), 1 + Math.floor(random() * 10), word(random)];
}
