/**
 * Tokens as stored (hashes), their expiry, and the token file re-read while the API runs. Unit: the
 * file authenticator is driven with a clock of its own, no socket (test/auth/api.test.ts has the
 * real app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { tokenFileSchema } from '../../src/auth/actors';
import { nieuwToken } from '../../src/auth/nieuwToken';
import { tokenFileAuthenticator } from '../../src/auth/tokenFileAuthenticator';
import { hashToken } from '../../src/auth/tokenHash';
import { tokenAuthenticator, vervaltOp } from '../../src/auth/tokenSet';
import { memoryLogger } from '../helpers/api';
import { tempDirs } from '../helpers/tmp';

const tempDir = tempDirs();
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const entry = (token: string, over: Record<string, unknown> = {}) => ({
  tokenHash: hashToken(token),
  id: `id-${token[0]}`,
  naam: 'Iemand',
  rol: 'coordinator',
  ...over,
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('tokenHash in the token file', () => {
  it('is sha256:<hex> of the token, accepted in either case, and stored lower case', () => {
    expect(hashToken('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const parsed = tokenFileSchema.parse({
      tokens: [entry(A, { tokenHash: hashToken(A).toUpperCase().replace('SHA256', 'sha256') })],
    });
    expect(parsed.tokens[0].tokenHash).toBe(hashToken(A));
  });

  it('refuses an entry with neither or both of token and tokenHash, a malformed hash and a token listed twice', () => {
    const msg = (json: unknown) => {
      const r = tokenFileSchema.safeParse(json);
      return r.success ? 'ok' : r.error.issues.map((i) => i.message).join('; ');
    };
    expect(msg({ tokens: [{ id: 'x', naam: 'X', rol: 'coordinator' }] })).toContain(
      'precies één van tokenHash of token',
    );
    expect(msg({ tokens: [{ ...entry(A), token: A }] })).toContain('precies één van tokenHash of token');
    expect(msg({ tokens: [entry(A, { tokenHash: 'sha256:abc' })] })).toContain('tokenHash is sha256:');
    expect(msg({ tokens: [entry(A), { token: A, id: 'y', naam: 'Y', rol: 'bestuur' }] })).toContain(
      'hetzelfde token als tokens[0]',
    );
  });

  it('a known token gives its actor; an unknown one, a malformed header or another scheme does not', () => {
    const auth = tokenAuthenticator(
      tokenFileSchema.parse({ tokens: [entry(A), entry(B, { rol: 'school', brins: ['12AB'] })] }),
    );
    expect(auth.actorVoor(bearer(B))).toEqual({
      actor: { id: 'id-b', naam: 'Iemand', rol: 'school', brins: ['12AB'] },
    });
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.id', 'id-a');
    expect(auth.actorVoor(bearer('c'.repeat(32)))).toEqual({ geweigerd: 'onbekend' });
    expect(auth.actorVoor(bearer(hashToken(A)))).toEqual({ geweigerd: 'onbekend' });
    expect(auth.actorVoor({ authorization: `Basic ${A}` })).toEqual({ geweigerd: 'onbekend' });
    expect(auth.actorVoor({})).toBeUndefined();
  });
});

describe('geldigTot', () => {
  it('a date ends at 00:00 Amsterdam time of that day; a moment with its offset as written', () => {
    expect(new Date(vervaltOp('2027-08-01')).toISOString()).toBe('2027-07-31T22:00:00.000Z');
    expect(new Date(vervaltOp('2027-01-01')).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(vervaltOp('2027-08-01T17:00:00+02:00')).toBe(Date.parse('2027-08-01T15:00:00Z'));
    expect(vervaltOp(undefined)).toBe(Infinity);
  });

  it('refuses a date that is not one, and a moment without its offset', () => {
    for (const geldigTot of ['2027-13-01', 'morgen', '2027-08-01T17:00:00']) {
      const r = tokenFileSchema.safeParse({ tokens: [entry(A, { geldigTot })] });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0].message).toContain('geldigTot is een datum');
    }
  });

  it('a token works until its end and is refused as verlopen from then on', () => {
    let now = Date.parse('2027-07-31T21:59:59Z');
    const file = tokenFileSchema.parse({ tokens: [entry(A, { geldigTot: '2027-08-01' }), entry(B)] });
    const auth = tokenAuthenticator(file, () => now);
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.id', 'id-a');
    now += 1000;
    expect(auth.actorVoor(bearer(A))).toEqual({ geweigerd: 'verlopen' });
    expect(auth.actorVoor(bearer(B))).toHaveProperty('actor.id', 'id-b');
  });
});

describe('tokenFileAuthenticator: the file re-read while the API runs', () => {
  const setup = (tokens: unknown[]) => {
    const file = path.join(tempDir('tokens-'), 'tokens.json');
    const write = (json: unknown) => fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
    write({ tokens });
    const log = memoryLogger('tokens');
    let now = 1_000_000;
    const auth = tokenFileAuthenticator(file, { logger: log.logger, now: () => now });
    const later = (ms = 1000) => (now += ms);
    const logged = () => log.lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    return { file, write, auth, later, log, logged };
  };

  it('a removed token stops working at the first request a second after the change', () => {
    const { write, auth, later } = setup([entry(A), entry(B)]);
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor');
    write({ tokens: [entry(B)] });
    later(500);
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor'); // checked at most once a second
    later(500);
    expect(auth.actorVoor(bearer(A))).toEqual({ geweigerd: 'onbekend' });
    expect(auth.actorVoor(bearer(B))).toHaveProperty('actor.id', 'id-b');
  });

  it('notices a rewrite in place of the same size within the same timestamp tick', () => {
    const { file, write, auth, later } = setup([entry(A)]);
    const size = fs.statSync(file).size;
    write({ tokens: [entry(A, { id: 'id-z' })] });
    expect(fs.statSync(file).size).toBe(size);
    later();
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.id', 'id-z');
  });

  it('notices a changed role and a new file moved over the old one (editors, secrets)', () => {
    const { file, auth, later } = setup([entry(A)]);
    const next = `${file}.nieuw`;
    fs.writeFileSync(next, JSON.stringify({ tokens: [entry(A, { rol: 'bestuur' }), entry(B)] }));
    fs.renameSync(next, file);
    later();
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.rol', 'bestuur');
    expect(auth.actorVoor(bearer(B))).toHaveProperty('actor.id', 'id-b');
  });

  it('an invalid or missing file keeps the last good tokens and logs an error once, until it is repaired', () => {
    const { file, write, auth, later, logged } = setup([entry(A)]);
    const errors = () => logged().filter((l) => l.level === 50);
    for (const broken of ['{ "tokens": [', { tokens: [] }, { tokens: [entry(B, { rol: 'ouder' })] }]) {
      write(broken);
      later();
      expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.id', 'id-a');
      expect(auth.actorVoor(bearer(B))).toEqual({ geweigerd: 'onbekend' });
    }
    later();
    auth.actorVoor(bearer(A)); // unchanged since: not read, not logged again
    expect(errors().map((l) => l.msg)).toEqual(
      Array(3).fill('tokenbestand ongeldig: de vorige tokens blijven gelden tot het bestand hersteld is'),
    );
    fs.unlinkSync(file);
    later();
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.id', 'id-a');
    expect(errors()).toHaveLength(4);
    write({ tokens: [entry(B)] });
    later();
    expect(auth.actorVoor(bearer(A))).toEqual({ geweigerd: 'onbekend' });
    expect(auth.actorVoor(bearer(B))).toHaveProperty('actor.id', 'id-b');
  });

  it('does not start on an invalid file', () => {
    const file = path.join(tempDir('tokens-'), 'tokens.json');
    fs.writeFileSync(file, '{}');
    expect(() => tokenFileAuthenticator(file, { logger: memoryLogger().logger })).toThrow(
      `Ongeldig tokenbestand ${file}`,
    );
  });

  it('reads a legacy file with plain tokens and warns once, without printing them', () => {
    const { write, auth, later, log, logged } = setup([{ ...entry(A), tokenHash: undefined, token: A }]);
    expect(auth.actorVoor(bearer(A))).toHaveProperty('actor.id', 'id-a');
    write({ tokens: [{ ...entry(B), tokenHash: undefined, token: B }] });
    later();
    expect(auth.actorVoor(bearer(B))).toHaveProperty('actor.id', 'id-b');
    const warnings = logged().filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toContain('tokenHash');
    const all = log.lines.join('');
    expect(all).not.toContain(A);
    expect(all).not.toContain(B);
  });
});

describe('npm run token', () => {
  it('makes a random token and the entry with its hash, which the token file accepts', () => {
    const args = ['--rol', 'school', '--brins', '12AB,34CD00', '--id', 'school-12ab', '--naam', 'Basisschool 12AB'];
    const { token, regel } = nieuwToken([...args, '--geldig-tot', '2027-08-01']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(regel).not.toContain(token);
    const parsed = JSON.parse(regel);
    expect(parsed).toEqual({
      tokenHash: hashToken(token),
      id: 'school-12ab',
      naam: 'Basisschool 12AB',
      rol: 'school',
      brins: ['12AB', '34CD00'],
      geldigTot: '2027-08-01',
    });
    expect(tokenAuthenticator(tokenFileSchema.parse({ tokens: [parsed] })).actorVoor(bearer(token))).toHaveProperty(
      'actor.id',
      'school-12ab',
    );
    expect(nieuwToken(args).token).not.toBe(token);
  });

  it('refuses an entry the token file would refuse', () => {
    expect(() => nieuwToken(['--rol', 'school', '--id', 's', '--naam', 'S'])).toThrow(
      'een school-token noemt minstens één BRIN',
    );
    expect(() => nieuwToken(['--rol', 'ouder', '--id', 's', '--naam', 'S'])).toThrow(/rol/);
  });
});
