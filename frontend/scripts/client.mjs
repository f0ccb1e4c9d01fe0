// Generates the typed API client (src/client/) from the committed OpenAPI document.
//   node scripts/client.mjs            regenerate src/client
//   node scripts/client.mjs --check    regenerate into a temporary folder; exit 1 when src/client differs
import { createClient } from '@hey-api/openapi-ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const committed = join(root, 'src/client');

async function generate(output) {
  await createClient({
    input: join(root, '../openapi/openapi.json'),
    output: { path: output, tsConfigPath: join(root, 'tsconfig.app.json') },
    // enums: 'javascript' also emits each named enum as a const object (Role.VENDOR, Object.values(Role)),
    // so the SPA's pickers and filters list the API's values instead of copies of them.
    plugins: [
      { name: '@hey-api/typescript', enums: 'javascript' },
      '@hey-api/sdk',
      '@hey-api/client-fetch',
      '@tanstack/react-query',
    ],
    logs: { level: 'silent', file: false },
  });
}

function files(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

if (process.argv.includes('--check')) {
  const tmp = mkdtempSync(join(tmpdir(), 'channeldesk-client-'));
  try {
    await generate(tmp);
    const fresh = files(tmp);
    let current;
    try {
      current = files(committed);
    } catch {
      current = new Map();
    }
    const names = new Set([...fresh.keys(), ...current.keys()]);
    const stale = [...names].filter((n) => fresh.get(n) !== current.get(n)).sort();
    if (stale.length > 0) {
      console.error(`generated client is stale: run npm run generate\n  differs: ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('generated client is up to date');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  await generate(committed);
  console.log(`generated ${relative(root, committed)} from ../openapi/openapi.json`);
}
