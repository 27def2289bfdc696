// Log parsing: a generated Lightning log (real line formats, bench/lightning-log-fixture.ts) is written to
// a file, then a child process streams it through exactly what the import phase runs on Lightning's log — the
// FileTailer and the run's line sink (monitor, heartbeat, echo of warnings and milestones) — and reports its
// throughput and its own peak RSS (log-parsing-child.ts).
import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateLightningLog } from './lightning-log-fixture.js'
import type { Metric } from './report.js'

const MiB = 1024 * 1024

import type { ChildResult } from './log-parsing-child.js'

async function writeLog(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file)
  for (const chunk of generateLightningLog(bytes)) {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

function runChild(file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const c = spawn(
      process.execPath,
      [fileURLToPath(new URL('./log-parsing-child.js', import.meta.url)), file],
      {
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    let out = ''
    c.stdout.on('data', (d: Buffer) => (out += d.toString()))
    c.on('error', reject)
    c.on('close', (code) => {
      if (code !== 0) reject(new Error(`the log-parsing child exited ${code}`))
      else resolve(JSON.parse(out) as ChildResult)
    })
  })
}

/** Throughput and peak RSS of parsing a generated log of `mib` MiB. */
export async function logParsing(mib: number): Promise<Metric[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-log-'))
  try {
    const file = path.join(dir, 'lightning.log')
    await writeLog(file, mib * MiB)
    const r = await runChild(file)
    if (!r.completed || r.bytes !== statSync(file).size)
      throw new Error(`the parser did not read the whole log: ${JSON.stringify(r)}`)
    const what = `${(r.bytes / MiB).toFixed(0)} MiB, ${r.lines} lines, in ${(r.ms / 1000).toFixed(1)} s`
    return [
      {
        name: 'log parsing: throughput',
        value: r.bytes / MiB / (r.ms / 1000),
        unit: 'MiB/s',
        goal: { kind: 'min', bound: 200 },
        detail: `FileTailer + the import phase's line sink over a generated Lightning log (${what})`
      },
      {
        name: 'log parsing: peak RSS',
        value: r.maxRssKiB / 1024,
        unit: 'MiB',
        goal: { kind: 'max', bound: 64 },
        detail: 'max RSS of the parsing process (its own child process)'
      }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
