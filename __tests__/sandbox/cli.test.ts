// The CLI as users run it: child processes of the compiled `.build/sandbox/cli.js` (built by `pretest`), each
// with a private SANDBOX_DIR.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse as dotenvParse } from 'dotenv'
import { CONTRACT_KEYS } from '../../sandbox/env.js'
import { buildRoot } from '../../sandbox/lib/paths.js'
import { isAlive, serversUsing } from '../../sandbox/cli/processes.js'
import type { SandboxState } from '../../sandbox/state.js'
import { runCli, type CliRun } from './cli-run.js'

/** Starting and stopping a whole sandbox takes a few seconds; leave room for a loaded machine. */
const SLOW = 90_000

let base: string
let dir: string

const cli = (...args: string[]): Promise<CliRun> => runCli(dir, ...args)

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'sandbox-cli-test-'))
  dir = path.join(base, 'sandbox')
})

afterAll(async () => {
  await cli('down')
  await rm(base, { recursive: true, force: true })
}, SLOW)

describe('npm run sandbox -- …', () => {
  test('without a sandbox: env fails politely, down has nothing to do, unknown commands are refused', async () => {
    const env = await cli('env')
    expect(env).toMatchObject({ code: 1, stdout: '' })
    expect(env.stderr).toContain(`no sandbox is up in ${dir}`)
    expect(await cli('down')).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('nothing to do')
    })
    const bogus = await cli('frobnicate')
    expect(bogus.code).toBe(2)
    expect(bogus.stderr).toContain("unknown command 'frobnicate'")
    expect((await cli('fault', 'set', 'binlog-off')).stderr).toContain('no sandbox is up')
  })

  test(
    'up → env → exec → fault and timing switches → sql → status → down, leaving nothing behind',
    async () => {
      const up = await cli('up')
      expect(up).toMatchObject({ code: 0, stdout: '' })
      expect(up.stderr).toContain(`sandbox up in ${dir}`)
      const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as SandboxState
      expect(isAlive(state.daemonPid ?? -1)).toBe(true)

      const again = await cli('up')
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('already up')

      // env: dotenv lines only, every contract key, the same values exec gives.
      const env = await cli('env')
      expect(env.code).toBe(0)
      for (const line of env.stdout.trimEnd().split('\n'))
        expect(line).toMatch(/^[A-Z_][A-Z0-9_-]*=/)
      const parsed = dotenvParse(env.stdout)
      for (const key of CONTRACT_KEYS) expect(parsed[key]).toEqual(expect.any(String))
      expect(parsed['INPUT_FILTER']?.split('\n')).toEqual([
        'shop.*',
        'analytics.*',
        '`crm`.*',
        '!crm.*_tmp'
      ])

      const script =
        'const e = process.env; console.log(JSON.stringify([e.FOO, e["INPUT_SOURCE-USER"], e["INPUT_FILTER"], e.PATH.split(":")[0], e.SANDBOX_DIR])); process.exit(7)'
      const ran = await cli(
        'exec',
        'FOO=bar',
        'INPUT_SOURCE-USER=someone',
        '--',
        process.execPath,
        '-e',
        script
      )
      expect(ran.code).toBe(7)
      expect(JSON.parse(ran.stdout)).toEqual([
        'bar',
        'someone',
        parsed['INPUT_FILTER'],
        path.join(path.dirname(path.dirname(buildRoot())), 'sandbox', 'bin'),
        dir
      ])
      expect((await cli('exec', 'node')).code).toBe(2)

      // Faults and timings.
      expect((await cli('fault', 'set', 's3-access-denied=sandbox-migrations/x/')).code).toBe(0)
      expect((await cli('fault', 'set', 'source-connection-drop')).code).toBe(0)
      expect(JSON.parse(readFileSync(path.join(dir, 'faults.json'), 'utf8'))).toEqual({
        's3-access-denied': 'sandbox-migrations/x/',
        'source-connection-drop': ''
      })
      const list = await cli('fault', 'list')
      expect(list.stdout).toMatch(/^\* s3-access-denied .*\[sandbox-migrations\/x\/\]$/m)
      expect(list.stdout).toMatch(/^ {2}export-failed /m)
      const unknown = await cli('fault', 'set', 'meteor-strike')
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain("unknown fault 'meteor-strike'")
      expect((await cli('fault', 'clear', 'source-connection-drop')).code).toBe(0)
      expect((await cli('fault', 'clear')).code).toBe(0)
      expect(JSON.parse(readFileSync(path.join(dir, 'faults.json'), 'utf8'))).toEqual({})
      expect((await cli('timing', 'set', 'export=3')).code).toBe(0)
      expect((await cli('timing', 'set', 'export=soon')).code).toBe(2)
      expect(JSON.parse(readFileSync(path.join(dir, 'timings.json'), 'utf8'))).toEqual({
        export: 3
      })

      const sql = await cli('sql', 'source', 'SELECT COUNT(*) AS n FROM shop.orders')
      expect(sql.stdout).toContain('| 500 |')
      const bad = await cli('sql', 'target', 'SELECT * FROM nowhere.t')
      expect(bad.code).toBe(1)
      expect(bad.stderr).toContain('ERROR 1146 (ER_NO_SUCH_TABLE)')

      const status = await cli('status')
      expect(status.code).toBe(0)
      expect(status.stdout).toContain('timings           export=3s')

      const down = await cli('down')
      expect(down.code).toBe(0)
      expect(down.stderr).toContain('no process of it left')
      expect(existsSync(dir)).toBe(false)
      expect(
        [state.daemonPid, state.pids.source, state.pids.target].filter((p) => isAlive(p ?? -1))
      ).toEqual([])
      expect(serversUsing(dir)).toEqual([])
    },
    SLOW
  )
})
