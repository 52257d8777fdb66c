/**
 * Checks the archives `npm run zip` made: the Chromium and Firefox packages hold exactly the
 * built extension (manifest.json at the top), and the sources archive addons.mozilla.org asks
 * for holds what rebuilding needs and nothing built, installed or generated.
 * `--rebuild` also unpacks the sources into a temporary folder, follows the README there
 * (`npm ci && npm run build:firefox`) and compares the result with the Firefox package (slow).
 */
import { execSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const out = join(root, '.output');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** The entries of a zip archive (its central directory), read without a dependency. */
function readZip(path: string): Map<string, () => Buffer> {
  const zip = readFileSync(path);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${path} is not a zip archive`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(entry, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    });
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** The files under `dir`, as paths relative to `base`. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)];
  });
}

const problems: string[] = [];
const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
const kib = (path: string) => `${(statSync(path).size / 1024).toFixed(0)} KiB`;

function checkPackage(zipName: string, buildDir: string): void {
  const path = join(out, zipName);
  if (!existsSync(path)) return void problems.push(`${zipName} is missing`);
  const zip = readZip(path);
  const built = files(join(out, buildDir)).sort();
  check(
    JSON.stringify([...zip.keys()].sort()) === JSON.stringify(built),
    `${zipName} differs from ${buildDir}`,
  );
  const manifest = zip.get('manifest.json');
  check(
    !!manifest && manifest().equals(readFileSync(join(out, buildDir, 'manifest.json'))),
    `${zipName}: manifest.json missing or not the built one`,
  );
  console.log(`${zipName}: ${zip.size} files, ${kib(path)}, manifest.json at the top`);
}

checkPackage(`${name}-${version}-chrome.zip`, 'chrome-mv3');
checkPackage(`${name}-${version}-firefox.zip`, 'firefox-mv2');

const sourcesName = `${name}-${version}-sources.zip`;
const sourcesPath = join(out, sourcesName);
if (!existsSync(sourcesPath)) problems.push(`${sourcesName} is missing`);
else {
  const sources = readZip(sourcesPath);
  const entries = [...sources.keys()];
  const needed = ['README.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'];
  for (const file of needed) check(sources.has(file), `${sourcesName}: ${file} is missing`);
  for (const dir of ['entrypoints/', 'components/', 'lib/', 'assets/', 'scripts/']) {
    check(
      entries.some((e) => e.startsWith(dir)),
      `${sourcesName}: ${dir} is missing`,
    );
  }
  const unwanted = entries.filter(
    (e) =>
      /(?:^|\/)(?:node_modules|\.output|\.generated|\.wxt|\.scratch|\.git)(?:\/|$)/.test(e) ||
      /(?:^|\/)\./.test(e) ||
      /\.log$|^tests\/e2e\/artifacts\//.test(e),
  );
  check(unwanted.length === 0, `${sourcesName}: holds ${unwanted.slice(0, 5).join(', ')}`);
  const readme = sources.get('README.md')?.().toString('utf8') ?? '';
  check(
    readme.includes('npm ci') && readme.includes('npm run build:firefox'),
    `${sourcesName}: the README does not say how to rebuild (npm ci && npm run build:firefox)`,
  );
  console.log(
    `${sourcesName}: ${entries.length} files, ${kib(sourcesPath)}, no build output or node_modules`,
  );

  if (process.argv.includes('--rebuild')) {
    const dir = mkdtempSync(join(tmpdir(), 'puente-sources-'));
    for (const [entry, read] of sources) {
      mkdirSync(dirname(join(dir, entry)), { recursive: true });
      writeFileSync(join(dir, entry), read());
    }
    execSync('npm ci && npm run build:firefox', { cwd: dir, stdio: 'inherit' });
    const firefox = readZip(join(out, `${name}-${version}-firefox.zip`));
    const rebuilt = files(join(dir, '.output/firefox-mv2')).sort();
    const differing = rebuilt.filter(
      (f) =>
        !firefox
          .get(f)?.()
          .equals(readFileSync(join(dir, '.output/firefox-mv2', f))),
    );
    check(
      rebuilt.length === firefox.size && differing.length === 0,
      `the rebuild from sources differs from the Firefox package: ${differing.join(', ')}`,
    );
    console.log(`rebuilt from ${sourcesName}: ${rebuilt.length} files, identical to the Firefox package`);
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const p of problems) console.error(`packaging: ${p}`);
if (problems.length > 0) process.exit(1);
