import { parseArgs } from 'node:util';
import { z } from 'zod';
import { tokenFileSchema, withHashes } from './actors';
import { newToken } from './tokenHash';

/**
 * A new token for the token file: `npm run token -- --rol school --brins 12AB --id school-12ab
 * --naam "Basisschool 12AB" [--geldig-tot 2027-08-01]`. Prints the token once (hand it to its owner;
 * it is stored nowhere) and the entry with its hash for `TOKENS_FILE`.
 */
export function nieuwToken(args: string[]): { token: string; regel: string } {
  const { values } = parseArgs({
    args,
    options: {
      rol: { type: 'string' },
      id: { type: 'string' },
      naam: { type: 'string' },
      brins: { type: 'string', default: '' },
      'geldig-tot': { type: 'string' },
    },
  });
  const token = newToken();
  const entry = {
    token,
    id: values.id,
    naam: values.naam,
    rol: values.rol,
    brins: values.brins.split(',').filter(Boolean),
    ...(values['geldig-tot'] ? { geldigTot: values['geldig-tot'] } : {}),
  };
  const parsed = tokenFileSchema.safeParse({ tokens: [entry] });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return { token, regel: JSON.stringify(withHashes(parsed.data).tokens[0]) };
}

if (require.main === module) {
  try {
    const { token, regel } = nieuwToken(process.argv.slice(2));
    console.log(`Token (alleen nu te zien; geef het aan de eigenaar):\n${token}\n`);
    console.log(`Regel voor het tokenbestand (onder "tokens"):\n${regel}`);
  } catch (err) {
    console.error(`Geen token gemaakt: ${(err as Error).message}`);
    console.error(
      'Gebruik: npm run token -- --rol <rol> --id <id> --naam <naam> [--brins 12AB,34CD] [--geldig-tot 2027-08-01]',
    );
    process.exit(2);
  }
}
