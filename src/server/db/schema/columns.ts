import { type SQL, sql } from 'drizzle-orm';
import { check, type PgColumn, text } from 'drizzle-orm/pg-core';
import type { z } from 'zod';

/** A zod enum of strings, as every enum in src/shared is. */
type StringEnum = z.ZodEnum<Readonly<Record<string, string>>>;
type ValueOf<E extends StringEnum> = E['options'][number];

/**
 * A text column holding one value of a shared zod enum (src/shared): the API's list of values
 * and the database's are one list. Pair it with `enumCheck`.
 */
export const enumColumn = <E extends StringEnum>(values: E) =>
  text({ enum: values.options as [ValueOf<E>, ...ValueOf<E>[]] });

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** An enum value written into DDL (a CHECK or an index predicate), where a bound parameter cannot go. */
export const sqlLiteral = (value: string): SQL => sql.raw(literal(value));

/** `CHECK (column in ('a', 'b', …))` from the same enum: a value the API refuses cannot be stored either. */
export const enumCheck = (name: string, column: PgColumn, values: StringEnum) =>
  check(name, sql`${column} in (${sql.raw(values.options.map(literal).join(', '))})`);
