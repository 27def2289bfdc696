// Nothing from outside is a command, through the bundled action on a private sandbox: a run-state file whose notes
// hold workflow commands (a tampered or foreign file in the bucket) is printed inertly by the re-run that reads it —
// its output, read as the runner reads it, holds no command from the file — and the run still finishes.
import { jest } from '@jest/globals'
import { HOSTILE, PWNED, hostileCommands } from '../helpers/runner-commands.js'
import { runAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'

jest.setTimeout(180_000)

const sandbox = useHarness()

const attempt = (key: string, n: number): Promise<ActionRun> =>
  runAction(sandbox.h, { 'run-key': key, 'dm-master-addr': '' }, 'index.js', {
    GITHUB_RUN_ATTEMPT: String(n)
  })

afterEach(async () => {
  for (const db of ['shop', 'analytics', 'crm'])
    await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
})

test('hostile notes in the run-state file are printed inertly on a re-run', async () => {
  const key = 'hostile-note'
  sandbox.h.sb.setFault('lightning-error', '')
  const first = await attempt(key, 1)
  expect(first.exitCode).toBe(1)
  sandbox.h.sb.clearFaults()

  const s3 = sandbox.h.inputs().aws.s3
  if (s3 === undefined) throw new Error('the sandbox sets s3-uri')
  const stateKey = `${s3.prefix === '' ? '' : `${s3.prefix}/`}.state/${key}.json`
  const store = sandbox.h.sb.s3.store
  const meta = store.head(s3.bucket, stateKey)
  if (meta === undefined) throw new Error(`no run state at ${stateKey}`)
  const record = JSON.parse(store.read(meta).toString('utf8')) as {
    phases: Record<string, { note?: string }>
  }
  for (const done of Object.values(record.phases)) done.note = `${done.note ?? ''} ${HOSTILE}`
  store.put(s3.bucket, stateKey, Buffer.from(JSON.stringify(record)), 'application/json')

  const second = await attempt(key, 2)
  expect(hostileCommands(second.stdout)).toEqual([])
  // Shown as text: the skipped phases' lines carry the notes.
  expect(second.stdout).toContain(`${PWNED}-error`)
  expect(second.stdout).toContain(`${PWNED}-stop`)
  expect(second.exitCode).toBe(0)
  expect(second.outputs['import-result']).toBe('succeeded')
})
