// Cold start (issue 9): `node dist/index.js` must reach its first log line without evaluating the AWS SDK,
// mysql2, hyparquet, the YAML library or the tool cache. ncc bundles a package into index.js as soon as any module
// reachable through static imports from src/main.ts imports it (a single `import { X } from '@aws-sdk/…'` does it).
// This walks the static import graph the way the bundler does: `import type` and type-only specifiers are erased,
// a dynamic `import()` becomes a chunk loaded on first use.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { repoRoot } from './helpers/paths.js'

const SRC = path.resolve('src')
const LAZY = [/^@aws-sdk\//, /^mysql2/, /^hyparquet/, /^yaml$/, /^@actions\/(tool-cache|io)$/]

function runtimeSpecifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const out: string[] = []
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause
      const bindings = c?.namedBindings
      const typeOnly =
        c !== undefined &&
        (c.isTypeOnly ||
          (c.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly)))
      if (!typeOnly) out.push(st.moduleSpecifier.text)
    } else if (
      ts.isExportDeclaration(st) &&
      !st.isTypeOnly &&
      st.moduleSpecifier !== undefined &&
      ts.isStringLiteral(st.moduleSpecifier)
    ) {
      const clause = st.exportClause
      const typeOnly =
        clause !== undefined &&
        ts.isNamedExports(clause) &&
        clause.elements.every((e) => e.isTypeOnly)
      if (!typeOnly) out.push(st.moduleSpecifier.text)
    }
  }
  return out
}

/** Every package reached from `entry` through static imports, with the chain of files that reaches it. */
function staticPackages(entry: string): Map<string, string[]> {
  const via = new Map<string, string | undefined>([[entry, undefined]])
  const packages = new Map<string, string[]>()
  const chain = (file: string): string[] => {
    const out: string[] = []
    for (let f: string | undefined = file; f !== undefined; f = via.get(f)) {
      out.unshift(path.relative(SRC, f))
    }
    return out
  }
  const queue = [entry]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const spec of runtimeSpecifiers(file)) {
      if (spec.startsWith('.')) {
        const next = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'))
        if (!via.has(next)) {
          via.set(next, file)
          queue.push(next)
        }
      } else if (!spec.startsWith('node:') && !packages.has(spec)) {
        packages.set(spec, chain(file))
      }
    }
  }
  return packages
}

test('the main entry reaches no heavy package through static imports (they load on first use)', () => {
  const reached = staticPackages(path.join(SRC, 'main.ts'))
  const heavy = [...reached].filter(([pkg]) => LAZY.some((re) => re.test(pkg)))
  expect(heavy.map(([pkg, chain]) => `${pkg} <- ${chain.join(' <- ')}`)).toEqual([])
  // The walk itself works: the packages the start-up does need are found.
  expect([...reached.keys()]).toEqual(expect.arrayContaining(['@actions/core']))
})

test('the walk sees a static SDK import where one exists', () => {
  const reached = staticPackages(path.join(SRC, 'aws', 'clients.ts'))
  expect([...reached.keys()]).toEqual(
    expect.arrayContaining(['@aws-sdk/client-rds', '@aws-sdk/client-s3'])
  )
  expect(reached.has('@aws-sdk/client-iam')).toBe(false) // import type only, loaded with import()
})

/** Runs an ES module script in a child Node at the repository root and parses the JSON line it prints. */
function childJson(script: string): unknown {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8'
  })
  return JSON.parse(out) as unknown
}

// @actions/core 3 imports its OIDC client at the top, and with it @actions/http-client and undici (1 MiB, most of
// the bundle's start; actions/toolkit#1621, #1697). patches/@actions+core+*.patch (applied by `npm install`)
// imports it inside getIDToken, and @actions/exec inside platform.getDetails: both are async already.
test('the patched @actions/core loads undici and @actions/exec only when a function needing them is called', () => {
  const script = `
    import { createRequire } from 'node:module'
    const cache = createRequire(process.cwd() + '/').cache
    const undiciLoaded = () => Object.keys(cache).some((f) => f.includes('/node_modules/undici/'))
    const core = await import('@actions/core')
    const atImport = undiciLoaded()
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    const idTokenError = await core.getIDToken('sts').then(() => '', (e) => e.message)
    // lsb_release may be missing; a failure to load @actions/exec would be a TypeError instead.
    const details = await core.platform.getDetails().then((d) => d.platform, (e) => e.name)
    console.log(JSON.stringify({ atImport, afterGetIDToken: undiciLoaded(), idTokenError, details }))`
  expect(childJson(script)).toEqual({
    atImport: false,
    afterGetIDToken: true,
    idTokenError: 'Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
    details: expect.stringMatching(new RegExp(`^(${process.platform}|Error)$`))
  })
})
