import fs from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { ROOT } from '../config';
import type { Ontvanger, Sjabloon } from '../shared/bericht';

// Plain-text mail: no HTML escaping.
Mustache.escape = (text: string) => text;

export const TEMPLATE_DIR = path.join(ROOT, 'templates', 'mail');

/**
 * Renders `templates/mail/<sjabloon>.txt` for one recipient role. A template starts with an
 * `Onderwerp:` line; a `{{#rol.school}}…{{/rol.school}}` section addresses only that role.
 */
export function render(
  sjabloon: Sjabloon,
  rol: Ontvanger['rol'],
  gegevens: Record<string, unknown>,
): { onderwerp: string; tekst: string } {
  const bron = fs.readFileSync(path.join(TEMPLATE_DIR, `${sjabloon}.txt`), 'utf8');
  const out = Mustache.render(bron, { ...gegevens, rol: { [rol]: true } });
  const [eerste, ...rest] = out.split('\n');
  const match = /^Onderwerp:\s*(.+)$/.exec(eerste);
  if (!match) throw new Error(`Sjabloon ${sjabloon} begint niet met "Onderwerp:"`);
  return {
    onderwerp: match[1].trim(),
    tekst: rest
      .join('\n')
      .replace(/^\n+/, '')
      .replace(/\n{3,}/g, '\n\n'),
  };
}
