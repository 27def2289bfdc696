import fc from 'fast-check'
import { LightningMonitor, formatProgress } from '../../../src/tidb/lightning/log.js'
import { describeReal, realLines, realSamples } from '../../fixtures/real-outputs.js'
import { generateLightningLog } from '../../../bench/lightning-log-fixture.js'

function monitorOf(lines: readonly string[]): LightningMonitor {
  const m = new LightningMonitor()
  for (const l of lines) m.push(l)
  return m
}

const real = (name: string): LightningMonitor => monitorOf(realLines(`lightning/${name}`))

describeReal('LightningMonitor on every recorded Lightning output', () => {
  test('every sample is covered by a test below', () => {
    expect(realSamples('lightning')).toEqual(
      [
        'checkpoint-access-denied-fragment-2023.log',
        'encountered-error-schema-not-found-v5.3-truncated.log',
        'encountered-error-stack-info-v6.5.12-2025-truncated.log',
        'failed-last-time-observed-2021-truncated.log',
        'illegal-checkpoints-stdout-ci.log',
        'import-in-progress-v5.4-2021-truncated.log',
        'parquet-precheck-missing-column-v6.1.log',
        'parquet-s3-tidb-backend-start-v4.0.log',
        'precheck-table-fragment-v5.4.log',
        'precheck-wrapped-cell-fragment-v5.0.log',
        'progress-v2-2019-text-format.log',
        'progress-v4-2020-files-state.log',
        'restore-failed-pd-fault-2023-terminal-cut.log',
        'run-failed-pd-not-leader-2022-truncated.log',
        'start-global-config-warn-v4.0.7-k8s-truncated.log',
        'success-tail-v5.4-docs-no-timestamp.log',
        'tidb-backend-run-start-2021.log',
        'unknown-config-option-curly-quotes.log',
        'welcome-cfg-start-v5.4-docs-no-timestamp.log'
      ].map((f) => `lightning/${f}`)
    )
  })

  test('success tail (docs, no timestamps): completed, checksum pass, succeeded on exit 0', () => {
    const m = real('success-tail-v5.4-docs-no-timestamp.log')
    expect(m.report.procedureCompleted).toBe(true)
    expect(m.report.checksums).toEqual([
      {
        table: '`sysbench`.`sbtest1`',
        ok: true,
        detail: '{cksum=9970490404295648092,size=2539933993,kvs=20000000}'
      }
    ])
    expect(m.report.firstError).toBeUndefined()
    expect(m.verdict(0)).toEqual({
      outcome: 'succeeded',
      message: 'the whole procedure completed',
      advice: []
    })
    expect(m.verdict(1).outcome).toBe('failed')
  })

  test('terminal-cut restore failure: first error line with its table, failed', () => {
    const m = real('restore-failed-pd-fault-2023-terminal-cut.log')
    expect(m.report.firstError?.text).toBe(
      'failed to import table (`IFRS9`.`ECL_RETAIL_LOAN_BIZ_INFO`): Post "http://tc-pd.lightning-ha-test/'
    )
    const v = m.verdict(1)
    expect(v.outcome).toBe('failed')
    expect(v.message).toBe(m.report.firstError?.text)
  })

  test('unknown config option with typographic quotes: options listed, error kept', () => {
    const m = real('unknown-config-option-curly-quotes.log')
    expect(m.report.unknownOptions).toEqual(['tikv-importer.sorted-kv-dir'])
    expect(m.report.encounteredError).toBe(
      'config file contained unknown configuration options: tikv-importer.sorted-kv-dir'
    )
    expect(m.verdict(1)).toMatchObject({
      outcome: 'failed',
      message:
        'tidb lightning encountered error stack info: config file contained unknown configuration options: tikv-importer.sorted-kv-dir'
    })
  })

  test('illegal checkpoints on CI stdout: first error, stderr error, checkpoint refusal advice', () => {
    const m = real('illegal-checkpoints-stdout-ci.log')
    expect(m.report.firstError?.text).toBe(
      'Error: TiDB Lightning has detected tables with illegal checkpoints; please remove these checkpoints first'
    )
    expect(m.report.encounteredError).toBe(
      'TiDB Lightning has detected tables with illegal checkpoints; please remove these checkpoints first'
    )
    expect(m.report.checkpoint?.message).toContain('illegal checkpoints')
    const v = m.verdict(1)
    expect(v.outcome).toBe('failed')
    expect(v.advice[0]).toMatch(/refuses to run again/)
  })

  test('checkpoint access denied fragment: the error-class line is the error', () => {
    const m = real('checkpoint-access-denied-fragment-2023.log')
    expect(m.verdict(1).message).toMatch(
      /^\[Lightning:Checkpoint:ErrOpenCheckpoint\]open checkpoint error: Error 1045 \(28000\)/
    )
  })

  test('parquet precheck failure on the console: Root cause line', () => {
    const m = real('parquet-precheck-missing-column-v6.1.log')
    expect(m.verdict(1).message).toBe(
      "Root cause: PreCheckFailed: TiDB schema `test`.`tbl` doesn't have column pargo_prefix__abc, please check table schema"
    )
  })

  test('start of runs (v4 parquet on S3, 2021 tidb backend): started, no error; exit 0 alone is no success', () => {
    for (const f of ['parquet-s3-tidb-backend-start-v4.0.log', 'tidb-backend-run-start-2021.log']) {
      const m = real(f)
      expect(m.report.procedureStarted).toBe(true)
      expect(m.report.firstError).toBeUndefined()
      expect(m.verdict(0)).toMatchObject({
        outcome: 'failed',
        message:
          'tidb-lightning exited 0 without "the whole procedure completed" or "tidb lightning exit successfully"'
      })
    }
  })

  test('progress v4 (files, over 100 %, markdown bold): the latest line wins', () => {
    const m = real('progress-v4-2020-files-state.log')
    const p = m.report.progress
    expect(p?.files).toEqual({ done: 1936, total: 4033, estimated: false })
    expect(p?.tables).toEqual({ done: 8, total: 10, estimated: false })
    expect(p?.speedMiBs).toBeCloseTo(34.929119006710025)
    expect(p?.state).toBe('writing')
    expect(p?.remainingMs).toBe((4 * 3600 + 14 * 60 + 33) * 1000)
    expect(p?.time).toBe('2020/10/26 13:24:35.689 +00:00')
  })

  test('progress 2019 plain text', () => {
    const p = real('progress-v2-2019-text-format.log').report.progress
    expect(p).toMatchObject({
      chunks: { done: 288, total: 314, estimated: false },
      tables: { done: 0, total: 1, estimated: false },
      speedMiBs: 59.42,
      remaining: '1m48s',
      remainingMs: 108_000,
      totalPercent: 91.7
    })
  })

  test('v6.5+ fatal form `encountered error stack info` (cut inside errorVerbose): its error, failed', () => {
    const m = real('encountered-error-stack-info-v6.5.12-2025-truncated.log')
    const error =
      'cannot set read timestamp to a future time, readTS: [REDACTED_LONG_ID], currentTS: [REDACTED_LONG_ID]'
    expect(m.report.encounteredError).toBe(error)
    expect(m.report.procedureCompleted).toBe(false)
    for (const code of [0, 1, null]) {
      expect(m.verdict(code)).toEqual({
        outcome: 'failed',
        message: `tidb lightning encountered error stack info: ${error}`,
        advice: []
      })
    }
  })

  test('v5.3 fatal form `encountered error` (cut inside errorVerbose): its error, failed', () => {
    const m = real('encountered-error-schema-not-found-v5.3-truncated.log')
    expect(m.report.encounteredError).toBe("table 't' schema not found")
    expect(m.verdict(1)).toMatchObject({
      outcome: 'failed',
      message: "tidb lightning encountered error: table 't' schema not found"
    })
    expect(m.verdict(0).outcome).toBe('failed')
  })

  test('run failed at step 4 (PD not leader): failed, although "everything imported" follows', () => {
    const m = real('run-failed-pd-not-leader-2022-truncated.log')
    const cause =
      'fetch tso from pd failed: rpc error: code = Unknown desc = [PD:tso:ErrGenerateTimestamp]generate timestamp failed, requested pd is not leader'
    expect(m.report.runFailed).toBe(cause) // the excerpt stops inside this line's error
    expect(m.report.procedureCompleted).toBe(false)
    expect(m.report.procedureFailed).toBeUndefined()
    expect(m.report.firstError?.text).toBe(`restore all tables data failed: ${cause} of cluster`)
    for (const code of [0, 1]) {
      expect(m.verdict(code)).toMatchObject({
        outcome: 'failed',
        message: `restore all tables data failed: ${cause} of cluster`
      })
    }
  })

  test('`TiDB Lightning has failed las` (cut mid-message): failed with the line as far as it goes', () => {
    const m = real('failed-last-time-observed-2021-truncated.log')
    expect(m.report.firstError?.text).toBe('TiDB Lightning has failed las')
    // The cut hides which refusal it is: no advice is invented.
    expect(m.report.checkpoint).toBeUndefined()
    expect(m.verdict(0)).toEqual({
      outcome: 'failed',
      message: 'TiDB Lightning has failed las',
      advice: []
    })
  })

  test('an import cut in the middle (encode kv…): not finished, never succeeded', () => {
    const m = real('import-in-progress-v5.4-2021-truncated.log')
    expect(m.report.lines).toBe(10)
    expect(m.report.firstError).toBeUndefined()
    expect(m.report.procedureCompleted).toBe(false)
    expect(m.report.tablesCompleted).toEqual([])
    expect(m.verdict(0).message).toBe(
      'tidb-lightning exited 0 without "the whole procedure completed" or "tidb lightning exit successfully"'
    )
    expect(m.verdict(null)).toMatchObject({
      outcome: 'failed',
      message: 'tidb-lightning was killed by a signal without printing an error'
    })
  })

  test('v4.0.7 start on k8s: an empty log path and a WARN about global config, no error', () => {
    const m = real('start-global-config-warn-v4.0.7-k8s-truncated.log')
    // `Verbose debug logs will be written to ` with nothing after it: no file to read.
    expect(m.report.verboseLogFile).toBeUndefined()
    expect(m.report.firstError).toBeUndefined()
    expect(m.report.encounteredError).toBeUndefined()
    expect(m.verdict(0)).toMatchObject({
      outcome: 'failed',
      message:
        'tidb-lightning exited 0 without "the whole procedure completed" or "tidb lightning exit successfully"'
    })
  })

  test('precheck tables and docs start lines: no error, nothing invented', () => {
    for (const f of [
      'precheck-table-fragment-v5.4.log',
      'precheck-wrapped-cell-fragment-v5.0.log',
      'welcome-cfg-start-v5.4-docs-no-timestamp.log'
    ]) {
      const m = real(f)
      expect(m.report.firstError).toBeUndefined()
      expect(m.report.procedureCompleted).toBe(false)
      expect(m.verdict(2).message).toMatch(/^tidb-lightning exited with code 2/)
    }
  })
})

const T = '[2024/01/02 03:04:05.678 +00:00]'

describe("LightningMonitor on the lines of Lightning's main.go, importer and log packages", () => {
  test('current progress line with every field, and its heartbeat rendering', () => {
    const m = monitorOf([
      `${T} [INFO] [import.go:1284] [progress] [total=57.2%] [tables="7/9 (77.8%)"] [chunks="2642/4247 (62.2%)"] [engines="17/27 (63.0%)"] [restore-bytes=1.5GiB/3GiB] [restore-rows=1200/4800(estimated)] [import-bytes=1GiB/4GiB(estimated)] ["encode speed(MiB/s)"=53.61944249195604] [state=writing] [remaining=52m21s]`
    ])
    const p = m.report.progress
    expect(p).toMatchObject({
      totalPercent: 57.2,
      tables: { done: 7, total: 9 },
      engines: { done: 17, total: 27 },
      restoreBytes: { done: 1.5 * 1024 ** 3, total: 3 * 1024 ** 3, estimated: false },
      restoreRows: { done: 1200, total: 4800, estimated: true },
      importBytes: { estimated: true },
      state: 'writing',
      remainingMs: 3_141_000
    })
    expect(p && formatProgress(p)).toBe(
      '57.2% · tables 7/9 · 1.50/3.00 GiB · 1200/~4800 rows · 53.6 MiB/s · writing · ~52m21s left'
    )
  })

  test('successful run with stdout line, table completions and exit line', () => {
    const m = monitorOf([
      'Verbose debug logs will be written to /tmp/run/lightning.log',
      '',
      `${T} [INFO] [import.go:1] ["the whole procedure start"]`,
      `${T} [INFO] [table_import.go:1] ["restore table completed"] [table=\`shop\`.\`order.items\`] [takeTime=1.5s] [rows=42] []`,
      `${T} [INFO] [import.go:514] ["the whole procedure completed"] [takeTime=5.806939726s] []`,
      `${T} [INFO] [main.go:106] ["tidb lightning exit"] [finished=true]`,
      'tidb lightning exit successfully'
    ])
    expect(m.report.verboseLogFile).toBe('/tmp/run/lightning.log')
    expect(m.report.tablesCompleted).toEqual([
      {
        table: '`shop`.`order.items`',
        name: { database: 'shop', table: 'order.items' },
        rows: 42,
        takeMs: 1500
      }
    ])
    expect(m.report.exitFinished).toBe(true)
    expect(m.verdict(0)).toEqual({
      outcome: 'succeeded',
      message: 'tidb lightning exit successfully',
      advice: []
    })
  })

  test('exit 0 after a signal is a cancel, not a success', () => {
    const m = monitorOf([
      `${T} [INFO] [main.go:1] ["got signal to exit"] [signal=interrupt]`,
      `${T} [INFO] [main.go:106] ["tidb lightning exit"] [finished=false]`,
      'tidb lightning canceled'
    ])
    expect(m.verdict(0)).toEqual({
      outcome: 'cancelled',
      message: 'tidb lightning canceled',
      advice: []
    })
    expect(m.verdict(null).outcome).toBe('cancelled')
  })

  test('status port busy: exit 0 but failed with the tool line', () => {
    const m = monitorOf([
      'failed to start HTTP server: listen tcp :8289: bind: address already in use'
    ])
    expect(m.verdict(0)).toMatchObject({
      outcome: 'failed',
      message: 'failed to start HTTP server: listen tcp :8289: bind: address already in use'
    })
  })

  test('failure: run failed, whole procedure failed, stderr double space', () => {
    const m = monitorOf([
      `${T} [ERROR] [import.go:1] ["run failed"] [step=2] [error="[Lightning:Restore:ErrRestoreTable]restore table \`a\`.\`b\` failed: boom"]`,
      `${T} [ERROR] [import.go:2] ["the whole procedure failed"] [takeTime=1s] [error="[Lightning:Restore:ErrRestoreTable]restore table \`a\`.\`b\` failed: boom"]`,
      `${T} [INFO] [import.go:3] ["everything imported, stopping periodic actions"]`,
      'tidb lightning encountered error:  [Lightning:Restore:ErrRestoreTable]restore table `a`.`b` failed: boom'
    ])
    expect(m.report.runFailed).toMatch(/failed: boom$/)
    expect(m.report.procedureFailed).toMatch(/failed: boom$/)
    expect(m.report.encounteredError).toBe(
      '[Lightning:Restore:ErrRestoreTable]restore table `a`.`b` failed: boom'
    )
    expect(m.verdict(1).message).toBe(
      'run failed: [Lightning:Restore:ErrRestoreTable]restore table `a`.`b` failed: boom'
    )
    expect(m.verdict(0).outcome).toBe('failed')
  })

  test('v6.5+ failure: the `stack info` log line gives the error, and the stderr line agrees', () => {
    const line = `${T} [ERROR] [main.go:103] ["tidb lightning encountered error stack info"] [error="[Lightning:Restore:ErrRestoreTable]boom"] [errorVerbose="[Lightning:Restore:ErrRestoreTable]boom\\ngithub.com/pingcap/errors.AddStack\\n\\t/x/errors.go:174"]`
    const fromLog = monitorOf([line])
    expect(fromLog.report.encounteredError).toBe('[Lightning:Restore:ErrRestoreTable]boom')
    const both = monitorOf([
      line,
      'tidb lightning encountered error: [Lightning:Restore:ErrRestoreTable]boom'
    ])
    expect(both.report.encounteredError).toBe('[Lightning:Restore:ErrRestoreTable]boom')
    expect(both.verdict(1)).toMatchObject({
      outcome: 'failed',
      message:
        'tidb lightning encountered error stack info: [Lightning:Restore:ErrRestoreTable]boom'
    })
  })

  test('checkpoint refusal, old multi-line form (tidb-lightning tests/error_summary expectations)', () => {
    const m = monitorOf([
      `${T} [ERROR] [restore.go:1] ["TiDB Lightning has failed last time. To prevent data loss, this run will stop now. Please resolve errors first"] [count=2]`,
      `${T} [INFO] [restore.go:2] [-] [table=\`error_summary\`.\`a\`] [status=18] [failedStep=checksum] [recommendedAction="./tidb-lightning-ctl --checkpoint-error-destroy='\`error_summary\`.\`a\`' --config=..."]`,
      `${T} [INFO] [restore.go:2] [-] [table=\`error_summary\`.\`c\`] [status=18] [failedStep=checksum] [recommendedAction="./tidb-lightning-ctl --checkpoint-error-destroy='\`error_summary\`.\`c\`' --config=..."]`,
      `${T} [INFO] [restore.go:3] ["You may also run \`./tidb-lightning-ctl --checkpoint-error-destroy=all --config=...\` to start from scratch"]`,
      `${T} [INFO] [restore.go:4] ["For details of this failure, read the log file from the PREVIOUS run"]`
    ])
    expect(m.report.checkpoint?.commands).toEqual([
      "./tidb-lightning-ctl --checkpoint-error-destroy='`error_summary`.`a`' --config=...",
      "./tidb-lightning-ctl --checkpoint-error-destroy='`error_summary`.`c`' --config=...",
      './tidb-lightning-ctl --checkpoint-error-destroy=all --config=...'
    ])
    const v = m.verdict(1)
    expect(v.message).toMatch(/^TiDB Lightning has failed last time/)
    expect(v.advice).toHaveLength(4)
  })

  test('checkpoint refusal, current one-message form inside the stderr error', () => {
    const msg =
      "TiDB Lightning has failed last time. To prevent data loss, this run will stop now, `db`.`t` failed in step(checksum), please run command ./tidb-lightning-ctl --checkpoint-error-destroy='`db`.`t`' --config=...,You may also run `./tidb-lightning-ctl --checkpoint-error-destroy=all --config=...` to start from scratch,For details of this failure, read the log file from the PREVIOUS run"
    const m = monitorOf([
      `tidb lightning encountered error: [Lightning:PreCheck:ErrPreCheckFailed]tidb-lightning pre-check failed: ${msg}`
    ])
    expect(m.report.checkpoint?.commands).toEqual([
      "./tidb-lightning-ctl --checkpoint-error-destroy='`db`.`t`' --config=...",
      './tidb-lightning-ctl --checkpoint-error-destroy=all --config=...'
    ])
  })

  test('checksum mismatch from an error summary line', () => {
    const m = monitorOf([
      `${T} [ERROR] [restore.go:1] ["tables failed to be imported"] [count=1]`,
      `${T} [ERROR] [restore.go:2] [-] [table=\`s\`.\`a\`] [status=checksum] [error="checksum mismatched remote vs local => (checksum: 1 vs 2)"]`
    ])
    expect(m.report.checksums).toEqual([
      {
        table: '`s`.`a`',
        ok: false,
        detail: expect.stringContaining('checksum mismatched') as string
      }
    ])
  })

  test('any input never throws and the verdict stays typed (fast-check)', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'tidb lightning exit successfully',
        'tidb lightning canceled',
        `${T} [INFO] [a.go:1] ["the whole procedure completed"]`,
        `${T} [ERROR] [a.go:1] ["run failed"] [error="x`,
        `${T} [INFO] [a.go:1] [progress] [total=`,
        '[2021-03-03T12:47:42.790Z] Error: x'
      ),
      fc.string().map((s) => `${T} [ERROR] [a.go:1] [${s}`),
      fc.string().map((s) => `${T} [INFO] [a.go:1] [progress] ${s}`)
    )
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 20 }),
        fc.option(fc.integer({ min: 0, max: 3 })),
        (lines, code) => {
          const m = monitorOf(lines)
          const v = m.verdict(code)
          expect(['succeeded', 'cancelled', 'failed']).toContain(v.outcome)
          expect(typeof v.message).toBe('string')
          if (code !== 0) expect(v.outcome).not.toBe('succeeded')
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('throughput on generated real-format lines (printed, not asserted)', () => {
  test('parses the generated log and finds its markers', () => {
    const chunks = [...generateLightningLog(24 * 1024 * 1024)]
    const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0)
    const m = new LightningMonitor()
    let carry = ''
    const start = process.hrtime.bigint()
    for (const chunk of chunks) {
      const text = carry + chunk
      let from = 0
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        m.push(text.slice(from, nl))
        from = nl + 1
      }
      carry = text.slice(from)
    }
    if (carry !== '') m.push(carry)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    console.log(
      `lightning log parser (in jest, not the benchmark): ${(bytes / 1024 ** 2).toFixed(0)} MiB in ${seconds.toFixed(2)} s = ${(bytes / 1024 ** 2 / seconds).toFixed(0)} MiB/s, ${m.report.lines} lines`
    )
    expect(m.report.procedureCompleted).toBe(true)
    expect(m.report.progress?.totalPercent).toBe(100)
    expect(m.verdict(0).outcome).toBe('succeeded')
  })
})
