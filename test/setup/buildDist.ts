/**
 * globalSetup of the `stack` project: test/start.test.ts spawns the product as `npm start` does
 * (`node dist/scripts/start.js`, which spawns dist/worker.js and dist/src/api/server.js), so dist/
 * must hold the current code. `npm test` has type-checked everything already (`tsc --noEmit`), so
 * this only transpiles, file by file, what `npm run build` (tsconfig.build.json) would emit: a
 * second and third full type check cost tens of seconds. A file whose output did not change is not
 * rewritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

export default function buildDist(): void {
  const started = Date.now();
  const configFile = path.join(ROOT, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`buildDist: ${configFile} is niet te lezen`);
  const options = parsed.options;
  const outDir = options.outDir!;
  const rootDir = options.rootDir!;
  let written = 0;
  const outputs = new Set<string>();
  for (const file of parsed.fileNames) {
    if (file.endsWith('.d.ts')) continue;
    const source = fs.readFileSync(file, 'utf8');
    const { outputText, sourceMapText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: { ...options, isolatedModules: true },
      fileName: file,
      reportDiagnostics: true,
    });
    if (diagnostics?.length) {
      throw new Error(
        `buildDist: ${file}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`,
      );
    }
    const out = path.join(outDir, path.relative(rootDir, file)).replace(/\.ts$/, '.js');
    written += writeIfChanged(out, outputText);
    outputs.add(out);
    if (sourceMapText) written += writeIfChanged(`${out}.map`, sourceMapText);
    outputs.add(`${out}.map`);
  }
  // A source file moved or removed leaves its old output behind, and `./impasse.js` would then win
  // over the folder `./impasse/index.js`: remove what no source produces any more.
  for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(outDir, file);
    if (/\.js(\.map)?$/.test(full) && !outputs.has(full)) fs.rmSync(full);
  }
  if (process.env.DEBUG_BUILD_DIST)
    console.log(`buildDist: ${parsed.fileNames.length} files, ${written} written, ${Date.now() - started} ms`);
}

function writeIfChanged(file: string, text: string): number {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return 0;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return 1;
}
