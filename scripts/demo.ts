/**
 * `npm run demo`: the whole migration on the local sandbox, as a user would see it.
 *
 * 1. starts a private sandbox (Aurora-like source with sample data, TiDB-like target, S3, RDS, IAM, KMS, DM, tiup);
 * 2. runs the bundled action (`node dist/index.js`, as the runner does) with the sandbox's inputs: precheck →
 *    schema (Dumpling → Lightning) beside binlog capture → snapshot → Parquet export → data import → verify → DM;
 * 3. prints the job summary as Markdown and the step outputs;
 * 4. inserts a row on the source after the snapshot and shows it arriving in the target through DM;
 * 5. runs `operation: status` (the DM lag gate), then takes the sandbox down, leaving nothing behind, and prints
 *    its own wall time.
 *
 * Quiet by default: one line per phase as it ends, warnings and errors, then the summary and the outputs.
 * `--verbose` prints every line the action writes, as the runner would show it: `::add-mask::` lines are dropped
 * and the secrets replaced by `***`, so no password reaches the screen, masked or not.
 *
 * Exits non-zero when the migration does not succeed.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { repoRoot } from '../sandbox/lib/paths.js'
import { parseOutputFile as parseOutputs } from '../sandbox/lib/output-file.js'
import { shownLine } from './demo-lines.js'
import { summaryToMarkdown } from './summary-markdown.js'

const began = Date.now()
const root = repoRoot()
const verbose = process.argv.includes('--verbose')
const say = (text: string): void => void process.stdout.write(`\n\x1b[1m▶ ${text}\x1b[0m\n`)

/** The secrets the action is given: never shown, masked or not. */
function secretsOf(sb: Sandbox): string[] {
  return ['INPUT_SOURCE-PASSWORD', 'INPUT_TARGET-PASSWORD', 'AWS_SECRET_ACCESS_KEY']
    .map((k) => sb.env[k] ?? '')
    .filter((v) => v.length > 0)
}

/** Runs the bundled action with the sandbox env plus inputs; shows its log; returns exit code, outputs, summary. */
async function runAction(
  sb: Sandbox,
  inputs: Record<string, string>
): Promise<{ code: number | null; outputs: Record<string, string>; summary: string }> {
  const env: Record<string, string | undefined> = { ...process.env, ...sb.env }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const outFile = env['GITHUB_OUTPUT'] ?? ''
  const summaryFile = env['GITHUB_STEP_SUMMARY'] ?? ''
  const start = {
    out: readFileSync(outFile, 'utf8').length,
    sum: readFileSync(summaryFile, 'utf8').length
  }
  const child = spawn(process.execPath, [path.join(root, 'dist', 'index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const secrets = secretsOf(sb)
  const show = (stream: NodeJS.WriteStream): ((chunk: Buffer) => void) => {
    let rest = ''
    return (chunk) => {
      const lines = (rest + chunk.toString()).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        const text = shownLine(line, secrets, verbose)
        if (text !== undefined) stream.write(`  │ ${text}\n`)
      }
    }
  }
  child.stdout.on('data', show(process.stdout))
  child.stderr.on('data', show(process.stderr))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    code,
    outputs: parseOutputs(readFileSync(outFile, 'utf8').slice(start.out)),
    summary: readFileSync(summaryFile, 'utf8').slice(start.sum)
  }
}

async function waitForRow(
  sb: Sandbox,
  sql: string,
  timeoutMs: number
): Promise<number | undefined> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const rows = await sb.target.query<{ n: string | number }[]>(sql)
    if (Number(rows[0]?.n ?? 0) > 0) return Date.now() - started
    await new Promise((r) => setTimeout(r, 100))
  }
  return undefined
}

async function main(): Promise<number> {
  say(
    'Starting the sandbox (private MariaDB source and target, S3, RDS, IAM, KMS, DM-master, tiup mirror)…'
  )
  const t0 = Date.now()
  const sb = await startSandbox()
  process.stdout.write(
    `  up in ${((Date.now() - t0) / 1000).toFixed(1)} s: source 127.0.0.1:${sb.source.port}, ` +
      `target 127.0.0.1:${sb.target.port}, filter ${JSON.stringify(sb.env['INPUT_FILTER'])}\n`
  )
  try {
    say('Running the action: operation migrate (node dist/index.js), one line per phase')
    const migrate = await runAction(sb, { operation: 'migrate' })
    say('Job summary')
    process.stdout.write(summaryToMarkdown(migrate.summary))
    say('Step outputs')
    for (const [k, v] of Object.entries(migrate.outputs)) {
      process.stdout.write(`  ${k} = ${v.length > 160 ? `${v.slice(0, 157)}…` : v}\n`)
    }
    if (migrate.code !== 0) {
      process.stdout.write('\nThe migration failed: see the summary above.\n')
      return 1
    }

    say('Incremental replication: a row written on the source after the snapshot…')
    const marker = `demo-${Date.now()}`
    await sb.source.query(
      "INSERT INTO shop.customers (name, email, country, created_at) VALUES ('Written after the snapshot ✨', ?, 'NZ', NOW(6))",
      [`${marker}@example.com`]
    )
    const ms = await waitForRow(
      sb,
      `SELECT COUNT(*) AS n FROM shop.customers WHERE email = '${marker}@example.com'`,
      30_000
    )
    process.stdout.write(
      ms === undefined
        ? '  it did not arrive in the target within 30 s.\n'
        : `  …arrived in the target through DM after ${ms} ms.\n`
    )

    say('Checking DM before cut-over: operation status, wait-for-lag-seconds 5')
    const status = await runAction(sb, {
      operation: 'status',
      'dm-task-name': migrate.outputs['dm-task'] ?? '',
      'wait-for-lag-seconds': '5'
    })
    process.stdout.write(
      `  dm-stage=${status.outputs['dm-stage'] ?? '?'} dm-lag-seconds=${status.outputs['dm-lag-seconds'] ?? '?'} ready-for-cutover=${status.outputs['ready-for-cutover'] ?? '?'}\n`
    )
    return ms === undefined || status.code !== 0 ? 1 : 0
  } finally {
    say('Taking the sandbox down')
    await sb.stop()
  }
}

const code = await main()
process.stdout.write(
  `\nDemo ${code === 0 ? 'finished' : 'failed'} in ${((Date.now() - began) / 1000).toFixed(1)} s (wall time).${verbose ? '' : ' Every line of the action: npm run demo -- --verbose'}\n`
)
process.exitCode = code
