import type { Statement } from "better-sqlite3";
import { Db } from "./db";
import { COLUMNS } from "./rows";

/**
 * The statements on one type's table, by name: `T` stands for the table
 * (`resources_<prefix>`), `C` for its columns. Rows come back as arrays
 * (`rows`), single-column answers as the value itself (`value`).
 */
const TYPE_STATEMENTS = {
  insert: { sql: "INSERT INTO T (C) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  update: { sql: "UPDATE T SET props = ?, state = ?, due_at = ?, updated_at = ? WHERE n = ?" },
  remove: { sql: "DELETE FROM T WHERE n = ?" },
  byNumber: { sql: "SELECT C FROM T WHERE n = ?", answer: "rows" },
  maxNumber: { sql: "SELECT max(n) FROM T", answer: "value" },
  ownedBy: { sql: "SELECT C FROM T WHERE account = ? ORDER BY n", answer: "rows" },
  sharedWith: { sql: "SELECT C FROM T WHERE peer_account = ? ORDER BY n", answer: "rows" },
  all: { sql: "SELECT C FROM T ORDER BY n", answer: "rows" },
  // Overlap and duplicate checks only need where a neighbour's range lies; its row is read on a conflict.
  floor: { sql: "SELECT n, range_end FROM T WHERE scope = ? AND range_start <= ? ORDER BY range_start DESC LIMIT 1", answer: "rows" },
  exact: { sql: "SELECT n FROM T WHERE scope = ? AND range_start = ? AND range_end = ? ORDER BY n", answer: "value" },
  children: { sql: "SELECT C FROM T WHERE scope = ? ORDER BY range_start, n", answer: "rows" },
  due: { sql: "SELECT C FROM T WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, n", answer: "rows" },
  tokensAfter: { sql: "SELECT n, account, client_token FROM T WHERE n > ? AND client_token IS NOT NULL ORDER BY n", answer: "rows" },
} satisfies Record<string, { sql: string; answer?: "rows" | "value" }>;

export type TypeStatement = keyof typeof TYPE_STATEMENTS;

/** One type's table, through statements prepared on first use (an engine seldom runs every statement on every type). */
export class TypeTable {
  private readonly statements: Partial<Record<TypeStatement, Statement>> = {};

  constructor(
    private readonly db: Db,
    private readonly table: string,
  ) {}

  public statement(name: TypeStatement): Statement {
    let statement = this.statements[name];
    if (!statement) {
      const spec: { sql: string; answer?: "rows" | "value" } = TYPE_STATEMENTS[name];
      statement = this.db.prepare(spec.sql.replace(/\bT\b/g, this.table).replace(/\bC\b/, COLUMNS));
      if (spec.answer === "rows") statement.raw(true);
      else if (spec.answer === "value") statement.pluck();
      this.statements[name] = statement;
    }
    return statement;
  }
}
