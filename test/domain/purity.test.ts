/**
 * src/domain runs inside Temporal's deterministic workflow sandbox: guard the rules mechanically.
 * (This test itself may use fs; it is not imported by workflows.)
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../../src/domain');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const ALLOWED = /^(\.{1,2}\/|zod$)/;

describe('src/domain is workflow-safe', () => {
  const all = files(ROOT);
  it('has files', () => expect(all.length).toBeGreaterThan(8));

  it.each(all.map((f) => [f.slice(ROOT.length + 1), f]))('%s imports only zod and local modules', (_n, f) => {
    const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const specs = [
      ...src.matchAll(/^\s*(?:import|export)\b[^;]*?from\s*['"]([^'"]+)['"]/gm),
      ...src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      ...src.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]/g),
    ].map((m) => m[1]!);
    for (const s of specs) expect([s, ALLOWED.test(s)]).toEqual([s, true]);
  });

  it.each(all.map((f) => [f.slice(ROOT.length + 1), f]))('%s never reads the clock or randomness', (_n, f) => {
    const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/Date\.now\s*\(/);
    expect(code).not.toMatch(/new\s+(TZ)?Date\s*\(\s*\)/);
    expect(code).not.toMatch(/Math\.random/);
    expect(code).not.toMatch(/\bprocess\./);
    expect(code).not.toMatch(/@temporalio/);
  });
});
