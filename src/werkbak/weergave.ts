import path from 'node:path';
import { Eta } from 'eta';
import { ROOT } from '../config';

/** The pages' templates (Eta: `<%= %>` escapes, so a reason typed by a user is shown as text). */
export const VIEWS = path.join(ROOT, 'src', 'werkbak', 'views');

const TZ = 'Europe/Amsterdam';
const datumFmt = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: TZ });
const tijdFmt = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ });

/** A code as words: 'tijdelijk-geplaatst' → "tijdelijk geplaatst" (pages, Mijn werk, the agenda feed). */
export const woorden = (code: string | undefined): string => (code ?? '').replace(/[-_]/g, ' ');

/** What every template may call. */
export const helpers = {
  /** '2026-12-01' or an ISO moment → "1 december 2026". */
  datum(iso: string | null | undefined): string {
    if (!iso) return '';
    const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : datumFmt.format(d);
  },
  moment(iso: string | null | undefined): string {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : tijdFmt.format(d);
  },
  woorden,
};

export function weergave(): Eta {
  return new Eta({ views: VIEWS, cache: process.env.NODE_ENV !== 'development', autoEscape: true });
}
