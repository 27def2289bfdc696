// What LightningMonitor (log.ts) does with the zap lines it recognises by their quoted message, as one
// table: the monitor dispatches on it, and the byte-level filter of the log file (prefilter.ts) lets
// through every line whose message starts with one of its prefixes, so the two cannot drift apart.
import type { CheckpointRefusal, LightningReport } from './report.js'
import { detach, parseQualifiedName, type LogLine } from '../log-line.js'
import { parseDecimal, parseGoDuration } from '../log-values.js'
import { describeLogLine } from '../tool-outcome.js'

/** The report while it is being filled. */
export type MutableReport = {
  -readonly [K in keyof LightningReport]: LightningReport[K] extends readonly (infer E)[]
    ? E[]
    : LightningReport[K]
}

/** What a recognised line does to the report; `line` parses it on demand, `raw` is the whole line. */
type Action = (r: MutableReport, line: () => LogLine, raw: string) => void

const CTL_COMMAND =
  /\.\/tidb-lightning-ctl --checkpoint-[a-z-]+=(?:'[^']*'|[^\s`,"']+)(?: --config=\.\.\.)?/g

const cancelled: Action = (r) => {
  r.gotSignal = true
}
const adviceIfMentioned: Action = (r, line, raw) => {
  if (raw.includes('tidb-lightning-ctl') || raw.includes('failed last time')) {
    checkpointAdvice(r, line())
  }
}

/**
 * Quoted messages the monitor acts on, by the start of the text after the opening quote (a closing `"` in the
 * prefix means the whole message). `T` and `Y` are the checkpoint refusals ("TiDB Lightning has failed last
 * time…", "You may…"), checked further by the action.
 */
export const ON_QUOTED: readonly (readonly [prefix: string, act: Action])[] = [
  [
    'the whole procedure start',
    (r) => {
      r.procedureStarted = true
    }
  ],
  [
    'the whole procedure completed',
    (r) => {
      r.procedureCompleted = true
    }
  ],
  [
    'the whole procedure failed',
    (r, line) => {
      r.procedureFailed = line().fields['error'] ?? 'the whole procedure failed'
    }
  ],
  [
    'tidb lightning exit"',
    (r, line) => {
      r.exitLogged = true
      const finished = line().fields['finished']
      if (finished !== undefined) r.exitFinished = finished === 'true'
    }
  ],
  [
    'tidb lightning encountered error"',
    (r, line) => {
      r.encounteredError = line().fields['error']
    }
  ],
  // The fatal error's log line since v6.5 (pingcap/tidb lightning/cmd/tidb-lightning/main.go logs it with
  // zap.Error, i.e. `error` and `errorVerbose`); before, br/cmd/tidb-lightning/main.go logged it next to the
  // `tidb lightning encountered error` line above.
  [
    'tidb lightning encountered error stack info"',
    (r, line) => {
      r.encounteredError ??= line().fields['error']
    }
  ],
  ['task canceled"', cancelled],
  ['got signal to exit"', cancelled],
  [
    'run failed"',
    (r, line) => {
      r.runFailed = line().fields['error'] ?? 'run failed'
    }
  ],
  ['restore table completed"', (r, line) => tableCompleted(r, line())],
  [
    'checksum pass"',
    (r, line) => {
      const f = line().fields
      r.checksums.push({
        table: detach(f['table'] ?? ''),
        ok: true,
        detail: detach(f['local'] ?? '')
      })
    }
  ],
  ['T', adviceIfMentioned],
  ['Y', adviceIfMentioned]
]

/** The prefixes of {@link ON_QUOTED}. */
export const MONITORED_MESSAGES: readonly string[] = ON_QUOTED.map(([prefix]) => prefix)

/** First characters of the prefixes: most lines are turned down on one comparison. */
export const QUOTED_FIRST: ReadonlySet<number> = new Set(
  MONITORED_MESSAGES.map((p) => p.charCodeAt(0))
)

/** Records a mismatch once per table: the error summary repeats what the failing step logged. */
export function checksumMismatch(r: MutableReport, table: string, detail: string): void {
  if (r.checksums.some((c) => !c.ok && c.table === table)) return
  r.checksums.push({ table: detach(table), ok: false, detail: detach(detail) })
}

/** Collects the tool's checkpoint refusal and the `tidb-lightning-ctl` commands it suggests. */
export function checkpointAdvice(r: MutableReport, parsed: LogLine): void {
  const text = [parsed.message, ...Object.values(parsed.fields)].join(' ')
  const found = text.match(CTL_COMMAND) ?? []
  const mentionsRefusal = text.includes('failed last time') || text.includes('illegal checkpoints')
  if (found.length === 0 && !mentionsRefusal) return
  const prev: CheckpointRefusal | undefined = r.checkpoint
  const commands = [...(prev?.commands ?? [])]
  for (const cmd of found) if (!commands.includes(cmd)) commands.push(cmd)
  const message = prev?.message ?? (mentionsRefusal ? describeLogLine(parsed) : '')
  r.checkpoint = { message, commands }
}

function tableCompleted(r: MutableReport, parsed: LogLine): void {
  const f = parsed.fields
  const table = f['table'] ?? ''
  const name = parseQualifiedName(table)
  const rows = f['rows'] === undefined ? undefined : parseDecimal(f['rows'])
  const take = f['takeTime'] === undefined ? undefined : parseGoDuration(f['takeTime'])
  r.tablesCompleted.push({
    table: detach(table),
    name: name && { database: detach(name.database), table: detach(name.table) },
    rows,
    takeMs: take
  })
}
