import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { tempDirs } from './helpers/tmp';
import { devTokenFile, ensureDevTokens, loadTokenFile, roles, tokenFileSchema, tokenStore } from '../src/auth/actors';

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
    const store = tokenStore(file);
    const school = file.tokens.find((t) => t.rol === 'school')!;
    expect(store.get(school.token)).toEqual({ id: school.id, naam: school.naam, rol: 'school', brins: school.brins });
    expect(store.get(school.token)).not.toHaveProperty('token');
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
    const file = loadTokenFile(tokensFile);
    for (const t of file.tokens) expect(byRole[t.rol]).toBe(t.token);
    if (process.platform !== 'win32') {
      expect(fs.statSync(tokensFile).mode & 0o777).toBe(0o600);
      expect(fs.statSync(devTokensFile).mode & 0o777).toBe(0o600);
    }

    ensureDevTokens({ tokensFile, devTokensFile });
    expect(fs.readFileSync(tokensFile, 'utf8')).toBe(tokens);
    expect(fs.readFileSync(devTokensFile, 'utf8')).toBe(dev);
  });

  it('recreates a missing dev-tokens.json from the existing tokens.json', () => {
    const dir = tmp();
    const tokensFile = path.join(dir, 'tokens.json');
    const devTokensFile = path.join(dir, 'dev-tokens.json');
    ensureDevTokens({ tokensFile, devTokensFile });
    const tokens = fs.readFileSync(tokensFile, 'utf8');
    const dev = fs.readFileSync(devTokensFile, 'utf8');
    fs.unlinkSync(devTokensFile);
    ensureDevTokens({ tokensFile, devTokensFile });
    expect(fs.readFileSync(tokensFile, 'utf8')).toBe(tokens);
    expect(JSON.parse(fs.readFileSync(devTokensFile, 'utf8'))).toEqual(JSON.parse(dev));
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
});
