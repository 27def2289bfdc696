// Running dmctl through tiup (`tiup dmctl:<version> --master-addr <addr> <command> …`) and reading its answer.
// dmctl exits 0 whenever the RPC returns, also with `"result": false`, so success is decided by parseDmctlOutput from
// the content, never from the exit code alone; a failure carries DM's own error text (the terror fields).
//
// Config files with passwords are written 0600 in the run's private directory (writeSecretFile; the post step removes
// them), and dmctl runs with that directory as its working directory, because it always writes `dmctl.log` into its
// cwd — that file must not land in the user's workspace.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { CancelledError, PhaseError } from '../../util/errors.js'
import { formatDuration } from '../../util/format.js'
import { removeTempFiles, writeSecretFile } from '../../util/temp-files.js'
import { taskStatusFromQuery, type DmTaskStatus } from './status.js'
import { parseDmctlOutput, type DmctlOutput } from './dmctl-output.js'
import { runComponent } from '../tiup/run-component.js'
import type { TiupSetup } from '../tiup/tiup.js'

/** Deadlines of one dmctl call, ms, by command. check-task/start-task run DM's pre-check against the source. */
export const DMCTL_DEADLINES_MS = {
  'get-config': 120_000,
  'operate-source': 300_000,
  'check-task': 600_000,
  'start-task': 600_000,
  'query-status': 120_000,
  'pause-task': 300_000,
  'resume-task': 300_000,
  'stop-task': 300_000
} as const

/** A dmctl command this action runs. */
export type DmctlCommand = keyof typeof DMCTL_DEADLINES_MS

/** Where and how dmctl runs. */
export interface DmctlOptions {
  readonly tiup: TiupSetup
  /** The `tidb-version` input: dmctl is pinned to it. */
  readonly version: string
  /** `dm-master-addr`: one or several `host:port`, comma-separated (dmctl accepts the list). */
  readonly masterAddr: string
  /** Passwords to hide should DM echo one (it never should: they travel in files). */
  readonly secrets?: readonly string[]
  readonly signal?: AbortSignal
  /** Lines of calls that change something (create, start, pause…). */
  readonly log: (line: string) => void
  /**
   * Lines of read-only calls (query-status, get-config), which polling repeats: kept out of the main log, and
   * dropped when undefined (their tail still goes into errors).
   */
  readonly debug?: (line: string) => void
  /** Per-command deadline overrides, ms (tests). */
  readonly deadlines?: Partial<Record<DmctlCommand, number>>
  /** Phase id, for the errors thrown. */
  readonly phase: string
}

/** One dmctl call: the parsed answer plus how the process ended. */
export interface DmctlCall {
  readonly command: DmctlCommand
  readonly output: DmctlOutput
  /** The command line as echoed (passwords hidden). */
  readonly commandLine: string
  /** The last lines of output, for error reports. */
  readonly tail: readonly string[]
}

/** The dmctl commands the phases use, each returning a parsed answer. */
export interface Dmctl {
  /** `get-config source <id>`: the registered source config (password shown as `******`). */
  getSourceConfig(sourceId: string): Promise<DmctlCall>
  /** `operate-source create <file>`. */
  createSource(configFile: string): Promise<DmctlCall>
  /**
   * `operate-source stop <id>`: dmctl sends an argument that is not a readable file as a source id (tiflow
   * dm/ctl/master/operate_source.go), and DM-master refuses while a task uses the source (ErrSchedulerSourceOpTaskExist,
   * tiflow dm/master/scheduler/scheduler.go RemoveSourceCfg).
   */
  stopSource(sourceId: string): Promise<DmctlCall>
  /** `query-status` without a task: every task with its sources (read it with taskListFromQuery). */
  listTasks(): Promise<DmctlCall>
  /** `check-task <file>` (the pre-check). */
  checkTask(configFile: string): Promise<DmctlCall>
  /**
   * `start-task [--remove-meta] <file>`. `removeMeta` drops the task's earlier checkpoint in the downstream
   * `<meta-schema>` first (dmctl's "whether to remove task's meta data"), so the task's `meta` position is used.
   */
  startTask(configFile: string, opts?: { readonly removeMeta?: boolean }): Promise<DmctlCall>
  /** `query-status <task>`, read into a task status. */
  queryStatus(task: string): Promise<DmctlCall & { readonly status: DmTaskStatus }>
  /** `pause-task|resume-task|stop-task <task>`. */
  operateTask(op: 'pause' | 'resume' | 'stop', task: string): Promise<DmctlCall>
  /**
   * Writes a DM config (it holds passwords) 0600 in the run's private directory under a unique name.
   * @returns the absolute path; remove it with {@link Dmctl.removeFiles} (the post step removes it anyway)
   */
  writeConfig(kind: 'source' | 'task', yaml: string): Promise<string>
  /** Removes config files written by {@link Dmctl.writeConfig}; returns problems instead of throwing. */
  removeFiles(files: readonly string[]): Promise<string[]>
}

const READ_ONLY = new Set<DmctlCommand>(['get-config', 'query-status'])

let workDir: Promise<string> | undefined

/**
 * dmctl's working directory: the run's private directory, where `dmctl.log` (the name dmctl always writes) is
 * created first through writeSecretFile so that the post step removes it. One per process: the directory stays
 * while the file is in it.
 */
function dmctlWorkDir(): Promise<string> {
  workDir ??= writeSecretFile('dmctl.log', '').then((file) => path.dirname(file))
  workDir.catch(() => (workDir = undefined))
  return workDir
}

/**
 * dmctl bound to one DM-master.
 * @throws (from each call) CancelledError when cancelled; PhaseError when dmctl cannot be started or passes its
 *   deadline. A dmctl that answered is never an exception: check `output.ok` (or use {@link requireOk}).
 */
export function createDmctl(opts: DmctlOptions): Dmctl {
  async function call(command: DmctlCommand, args: readonly string[]): Promise<DmctlCall> {
    const stdout: string[] = []
    const stderr: string[] = []
    const timeoutMs = opts.deadlines?.[command] ?? DMCTL_DEADLINES_MS[command]
    const log = READ_ONLY.has(command) ? (opts.debug ?? (() => undefined)) : opts.log
    const result = await runComponent({
      tiup: opts.tiup,
      component: 'dmctl',
      version: opts.version,
      args: ['--master-addr', opts.masterAddr, command, ...args],
      secrets: (opts.secrets ?? []).filter((s) => s !== ''),
      cwd: await dmctlWorkDir(),
      timeoutMs,
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      log,
      onLine: (line, stream) => (stream === 'stdout' ? stdout : stderr).push(line)
    })
    if (result.cancelled) throw new CancelledError(`dmctl ${command} was cancelled`)
    if (result.timedOut) {
      throw new PhaseError(
        opts.phase,
        `dmctl ${command} got no answer from the DM-master at ${opts.masterAddr} within ${formatDuration(timeoutMs)}`,
        { tail: result.tail }
      )
    }
    const output = parseDmctlOutput(stdout.join('\n'), stderr.join('\n'), result.exitCode ?? 1)
    return { command, output, commandLine: result.commandLine, tail: result.tail }
  }

  return {
    getSourceConfig: (sourceId) => call('get-config', ['source', sourceId]),
    createSource: (file) => call('operate-source', ['create', file]),
    stopSource: (sourceId) => call('operate-source', ['stop', sourceId]),
    listTasks: () => call('query-status', []),
    checkTask: (file) => call('check-task', [file]),
    startTask: (file, o) => call('start-task', o?.removeMeta ? ['--remove-meta', file] : [file]),
    async queryStatus(task) {
      const c = await call('query-status', [task])
      return { ...c, status: taskStatusFromQuery(c.output, task) }
    },
    operateTask: (op, task) => call(`${op}-task`, [task]),
    async writeConfig(kind, yaml) {
      await dmctlWorkDir()
      return writeSecretFile(`dm-${kind}-${randomUUID().slice(0, 8)}.yaml`, yaml)
    },
    removeFiles: (files) => removeTempFiles(files)
  }
}

/**
 * Fails when query-status got no answer (an unreachable master, a dmctl error); "task not found" is an answer.
 * @param phase the failing phase's id
 */
export function requireAnswered(
  phase: string,
  call: DmctlCall & { readonly status: DmTaskStatus }
): DmTaskStatus {
  if (!call.status.found && call.status.stage !== 'NotFound') requireOk(phase, call, 'query-status')
  return call.status
}

/**
 * The call's output when DM said yes; otherwise a PhaseError whose message is `what` plus DM's own words, with the
 * DM error text as the tool line.
 * @param phase the failing phase's id
 * @param what what was attempted, e.g. `Starting DM task t`
 */
export function requireOk(phase: string, call: DmctlCall, what: string): DmctlOutput {
  const out = call.output
  if (out.ok) return out
  throw new PhaseError(phase, `${what} failed: ${out.error.message}`, {
    toolLine: out.error.terror?.text ?? out.error.message,
    tail: call.tail
  })
}
