import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { tempDirs } from './helpers/tmp';
import { devTokenFile, ensureDevTokens, loadTokenFile, roles, tokenFileSchema } from '../src/auth/actors';
import { hashToken } from '../src/auth/tokenHash';
import { tokenAuthenticator } from '../src/auth/tokenSet';

const tempDir = tempDirs();
const tmp = () => tempDir('auth-');
const entry = (over: Record<string, unknown> = {}) => ({
  token: 'x'.repeat(32),
  id: 'a1',
  naam: 'Iemand',
  rol: 'coordinator',
  ...over,
});

describe('tokenFileSchema', () => {
  it('accepts a valid file and defaults brins to []', () => {
    const parsed = tokenFileSchema.parse({
      tokens: [entry(), entry({ token: 'y'.repeat(32), rol: 'school', brins: ['12AB', '34CD00'] })],
    });
    expect(parsed.tokens[0].brins).toEqual([]);
    expect(parsed.tokens[1].brins).toEqual(['12AB', '34CD00']);
  });

  it('rejects a school token without a BRIN, with a readable message', () => {
    const result = tokenFileSchema.safeParse({ tokens: [entry({ rol: 'school' })] });
    expect(result.success).toBe(false);
    const text = z.prettifyError(result.error!);
    expect(text).toContain('een school-token noemt minstens één BRIN');
    expect(text).toMatch(/tokens\[0\]|tokens\.0/);
  });

  it('rejects an unknown role, naming the field', () => {
    const result = tokenFileSchema.safeParse({ tokens: [entry({ rol: 'ouder' })] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path).toEqual(['tokens', 0, 'rol']);
    const text = z.prettifyError(result.error!);
    expect(text).toContain('rol');
    // The message lists the allowed roles.
    for (const r of roles) expect(text).toContain(r);
  });

  it('rejects a malformed BRIN, a short token and an empty list', () => {
    const bad = tokenFileSchema.safeParse({ tokens: [entry({ rol: 'school', brins: ['12ab'] })] });
    expect(z.prettifyError(bad.error!)).toContain('BRIN-code zoals 12AB of 12AB00');
    expect(tokenFileSchema.safeParse({ tokens: [entry({ token: 'kort' })] }).success).toBe(false);
    expect(tokenFileSchema.safeParse({ tokens: [] }).success).toBe(false);
  });

  it('devTokenFile is valid, has one token per role, and the school has a BRIN', () => {
    const file = tokenFileSchema.parse(devTokenFile());
    expect(file.tokens.map((t) => t.rol).sort()).toEqual([...roles].sort());
    expect(file.tokens.find((t) => t.rol === 'school')!.brins.length).toBeGreaterThan(0);
    const school = file.tokens.find((t) => t.rol === 'school')!;
    const result = tokenAuthenticator(file).actorVoor({ authorization: `Bearer ${school.token}` });
    expect(result).toEqual({ actor: { id: school.id, naam: school.naam, rol: 'school', brins: school.brins } });
  });
});

describe('ensureDevTokens', () => {
  it('writes both files once (mode 0600) and keeps them on a second call', () => {
    const dir = tmp();
    const tokensFile = path.join(dir, 'sub', 'tokens.json');
    const devTokensFile = path.join(dir, 'sub', 'dev-tokens.json');
    ensureDevTokens({ tokensFile, devTokensFile });
    const tokens = fs.readFileSync(tokensFile, 'utf8');
    const dev = fs.readFileSync(devTokensFile, 'utf8');
    const byRole = JSON.parse(dev) as Record<string, string>;
    expect(Object.keys(byRole).sort()).toEqual([...roles].sort());
    // tokens.json holds hashes only; the client's copy holds the tokens.
    const file = loadTokenFile(tokensFile);
    for (const t of file.tokens) expect(t.tokenHash).toBe(hashToken(byRole[t.rol]));
    for (const token of Object.values(byRole)) expect(tokens).not.toContain(token);
    if (process.platform !== 'win32') {
      expect(fs.statSync(tokensFile).mode & 0o777).toBe(0o600);
      expect(fs.statSync(devTokensFile).mode & 0o777).toBe(0o600);
    }

    ensureDevTokens({ tokensFile, devTokensFile });
    expect(fs.readFileSync(tokensFile, 'utf8')).toBe(tokens);
    expect(fs.readFileSync(devTokensFile, 'utf8')).toBe(dev);
  });

  it("without dev-tokens.json gives the dev entries new tokens and keeps the operator's entries", () => {
    const dir = tmp();
    const tokensFile = path.join(dir, 'tokens.json');
    const devTokensFile = path.join(dir, 'dev-tokens.json');
    ensureDevTokens({ tokensFile, devTokensFile });
    const extra = { tokenHash: hashToken('e'.repeat(32)), id: 'extra', naam: 'Extra', rol: 'bestuur', brins: [] };
    const before = loadTokenFile(tokensFile);
    fs.writeFileSync(tokensFile, JSON.stringify({ tokens: [...before.tokens, extra] }));
    const dev = JSON.parse(fs.readFileSync(devTokensFile, 'utf8')) as Record<string, string>;
    fs.unlinkSync(devTokensFile);
    ensureDevTokens({ tokensFile, devTokensFile });
    const fresh = JSON.parse(fs.readFileSync(devTokensFile, 'utf8')) as Record<string, string>;
    expect(fresh.coordinator).not.toBe(dev.coordinator);
    const after = tokenAuthenticator(loadTokenFile(tokensFile));
    for (const rol of roles)
      expect(after.actorVoor({ authorization: `Bearer ${fresh[rol]}` })).toHaveProperty('actor.rol', rol);
    expect(after.actorVoor({ authorization: `Bearer ${dev.coordinator}` })).toEqual({ geweigerd: 'onbekend' });
    expect(after.actorVoor({ authorization: `Bearer ${'e'.repeat(32)}` })).toHaveProperty('actor.id', 'extra');
  });

  it('recreates tokens.json from an existing dev-tokens.json, so clients keep their tokens', () => {
    const dir = tmp();
    const tokensFile = path.join(dir, 'tokens.json');
    const devTokensFile = path.join(dir, 'dev-tokens.json');
    ensureDevTokens({ tokensFile, devTokensFile });
    const dev = fs.readFileSync(devTokensFile, 'utf8');
    fs.unlinkSync(tokensFile);
    ensureDevTokens({ tokensFile, devTokensFile });
    expect(fs.readFileSync(devTokensFile, 'utf8')).toBe(dev);
    const byRole = JSON.parse(dev) as Record<string, string>;
    const auth = tokenAuthenticator(loadTokenFile(tokensFile));
    for (const rol of roles)
      expect(auth.actorVoor({ authorization: `Bearer ${byRole[rol]}` })).toHaveProperty('actor.rol', rol);
  });

  it('an old data dir (plain tokens.json) keeps its dev tokens; tokens.json is rewritten with hashes', () => {
    const dir = tmp();
    const tokensFile = path.join(dir, 'tokens.json');
    const devTokensFile = path.join(dir, 'dev-tokens.json');
    const old = devTokenFile();
    fs.writeFileSync(tokensFile, JSON.stringify(old, null, 2));
    // Both files of an older version, and only tokens.json (dev-tokens.json lost).
    for (const withDev of [true, false]) {
      fs.writeFileSync(tokensFile, JSON.stringify(old, null, 2));
      if (withDev)
        fs.writeFileSync(devTokensFile, JSON.stringify(Object.fromEntries(old.tokens.map((t) => [t.rol, t.token]))));
      else fs.rmSync(devTokensFile, { force: true });
      ensureDevTokens({ tokensFile, devTokensFile });
      const byRole = JSON.parse(fs.readFileSync(devTokensFile, 'utf8')) as Record<string, string>;
      for (const t of old.tokens) expect(byRole[t.rol]).toBe(t.token);
      const text = fs.readFileSync(tokensFile, 'utf8');
      for (const t of old.tokens) expect(text).not.toContain(t.token);
      const auth = tokenAuthenticator(loadTokenFile(tokensFile));
      for (const t of old.tokens)
        expect(auth.actorVoor({ authorization: `Bearer ${t.token}` })).toHaveProperty('actor.id', t.id);
    }
  });
});

describe('loadTokenFile', () => {
  it('loads a valid file', () => {
    const dir = tmp();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, JSON.stringify(devTokenFile()));
    expect(loadTokenFile(file).tokens).toHaveLength(5);
  });

  it('errors readably on a file that fails the schema, naming the file and the problem', () => {
    const dir = tmp();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, JSON.stringify({ tokens: [entry({ rol: 'school' })] }));
    expect(() => loadTokenFile(file)).toThrow(`Ongeldig tokenbestand ${file}`);
    expect(() => loadTokenFile(file)).toThrow(/een school-token noemt minstens één BRIN/);
  });

  it('errors readably on a missing file, naming it', () => {
    const missing = path.join(tmp(), 'ontbreekt.json');
    expect(() => loadTokenFile(missing)).toThrow(missing);
  });

  it('errors readably on a file that is not JSON, naming the file', () => {
    // An operator with a typo in TOKENS_FILE must see which file is broken, not only
    // "Expected property name or '}' in JSON at position 2".
    const file = path.join(tmp(), 'tokens.json');
    fs.writeFileSync(file, '{ tokens: [');
    expect(() => loadTokenFile(file)).toThrow(file);
  });

  it('does not quote the broken file: it holds secrets', () => {
    const file = path.join(tmp(), 'tokens.json');
    fs.writeFileSync(file, '{ "tokens": [ { "token": geheim-token-van-de-school } ] }');
    expect(() => loadTokenFile(file)).toThrow('geen geldige JSON');
    expect(() => loadTokenFile(file)).not.toThrow(/geheim/);
  });
});
