import { createHash } from 'node:crypto';
import { SCHOOLJAREN_MET_VAKANTIEDATA, SCHOOLVAKANTIES } from '../../src/domain';

/**
 * Workflows count school days with this table on every replay. Changing it (a correction, or a new
 * school year that running cases already count into) changes the timers of cases in flight, and a
 * replay of their history can then fail. Such a change needs a `patched()` gate in the workflows
 * (or a calendar snapshot in the case input); then update this fingerprint.
 */
it('keeps the school holiday table that running cases count with', () => {
  expect(SCHOOLJAREN_MET_VAKANTIEDATA).toEqual(['2025-2026', '2026-2027', '2027-2028']);
  expect(createHash('sha256').update(JSON.stringify(SCHOOLVAKANTIES)).digest('hex')).toBe(
    '1967cfa1c319884bede3225e4b487baeda6f62498f136bf6414f5a0e480c05a7',
  );
});
