import { SearchAttributeType } from '@temporalio/common';
import { searchAttributes } from '../src/temporal/searchAttributes';

// SQL visibility (the dev server's SQLite, and PostgreSQL in docker-compose) caps custom search
// attributes per type and namespace; the dev server refuses to start above it.
const SQL_LIMITS: Partial<Record<string, number>> = {
  KEYWORD: 10,
  DATETIME: 3,
  INT: 3,
  TEXT: 3,
  BOOL: 3,
  DOUBLE: 3,
  KEYWORD_LIST: 3,
};

it('stay within the SQL visibility limits per type', () => {
  const perType = new Map<string, number>();
  for (const k of searchAttributes) perType.set(k.type, (perType.get(k.type) ?? 0) + 1);
  for (const [type, n] of perType) expect([type, n <= (SQL_LIMITS[type] ?? 0)]).toEqual([type, true]);
  expect(new Set(searchAttributes.map((k) => k.name)).size).toBe(searchAttributes.length);
  expect(SearchAttributeType.DATETIME).toBe('DATETIME');
});
