// Cold start (the bench's cold-start metric): `node dist/index.js` must reach its first log line without evaluating
// the AWS SDK, mysql2, hyparquet, the YAML and TOML libraries, the tool cache, the phases or undici. re2js loads at
// start: the inputs check the filter's Go regexps with it. ncc bundles a
// package into index.js as soon as any module reachable through static imports from src/main.ts imports it (a
// single `import { X } from '@aws-sdk/…'` does it), and everything in index.js is read and compiled at each start.
// This walks the static import graph the way the bundler does: `import type` and type-only specifiers are erased,
// a dynamic `import()` becomes a chunk loaded on first use; and it checks what the built dist/index.js holds.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { repoRoot } from './helpers/paths.js'

const SRC = path.resolve('src')
const LAZY = [
  /^@aws-sdk\//,
  /^mysql2/,
  /^hyparquet/,
  /^yaml$/,
  /^@iarna\/toml$/,
  /^@actions\/(tool-cache|io|exec|http-client)$/
]

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

/**
 * What `entry` reaches through static imports: source files, and packages with the chain of files that reach each.
 */
interface StaticGraph {
  readonly files: ReadonlySet<string>
  readonly packages: ReadonlyMap<string, string[]>
}

function staticGraph(entry: string): StaticGraph {
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
  return { files: new Set(via.keys()), packages }
}

test('the main entry reaches no heavy package through static imports (they load on first use)', () => {
  const { files, packages } = staticGraph(path.join(SRC, 'main.ts'))
  const heavy = [...packages].filter(([pkg]) => LAZY.some((re) => re.test(pkg)))
  expect(heavy.map(([pkg, chain]) => `${pkg} <- ${chain.join(' <- ')}`)).toEqual([])
  // The phase modules load once the inputs are read (run.ts): an input error never waits for them.
  expect(files.has(path.join(SRC, 'phases', 'index.ts'))).toBe(false)
  // The walk itself works: the packages and files the start-up does need are found.
  expect([...packages.keys()]).toEqual(expect.arrayContaining(['@actions/core']))
  expect(files.has(path.join(SRC, 'inputs', 'read.ts'))).toBe(true)
})

test('the walk sees a static SDK import where one exists', () => {
  const { packages } = staticGraph(path.join(SRC, 'aws', 'clients.ts'))
  expect([...packages.keys()]).toEqual(
    expect.arrayContaining(['@aws-sdk/client-rds', '@aws-sdk/client-s3'])
  )
  expect(packages.has('@aws-sdk/client-iam')).toBe(false) // import type only, loaded with import()
})

// The bundle as built (CI's check-dist keeps it equal to a build of src/): what its start file holds is read and
// compiled at every start, evaluated or not, so packages must not even be in it. Its source map lists them.
test('dist/index.js holds no package but @actions/core and re2js; undici, the phases and the SDK are chunks', () => {
  const map = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'index.js.map'), 'utf8')) as {
    sources: string[]
  }
  const packages = new Set(
    map.sources.flatMap((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(s)?.[1] ?? [])
  )
  expect([...packages].sort()).toEqual(['@actions/core', 're2js'])
  expect(map.sources.filter((s) => s.endsWith('src/phases/index.ts'))).toEqual([])
  expect(map.sources.filter((s) => s.endsWith('src/inputs/read.ts'))).toHaveLength(1)
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
