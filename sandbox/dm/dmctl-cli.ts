// dmctl's command line (pingcap/tiflow cmd/dm-ctl, dm/ctl): global flags (`-master-addr` rewritten to the pflag
// form, DM_MASTER_ADDR as fallback), the task and source commands the migration uses, results on stdout with exit 0
// whatever `result` says, `Error: …` on stderr with exit 1 when the command itself fails, `dmctl.log` in the cwd.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { parseSourceYaml, parseTaskYaml } from './config.js'
import {
  formatCheckTask,
  formatOperateSource,
  formatOperateTask,
  formatQueryStatus,
  formatStartTask
} from './dmctl-output.js'
import { renderJsonpb } from './jsonpb.js'
import { CheckTaskResponse, GetCfgResponse } from './pb.js'
import type { DmRequest } from './master.js'
import type {
  CheckTaskResp,
  GetCfgResp,
  OperateSourceResp,
  OperateTaskResp,
  QueryStatusListResp,
  StartTaskResp
} from './pb.js'
import { delegate, ERR, generate, terrorText, TerrorException, withClass } from './terror.js'
import { COMMANDS, GLOBAL_FLAGS, commandHelp, rootHelp, type CommandSpec } from './dmctl-help.js'
import { fault } from '../lib/faults.js'
import { goDurationSeconds } from './config.js'

/** Where dmctl writes. */
export interface DmctlIo {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
  cwd: string
}

class CliError extends Error {}

interface Parsed {
  command: CommandSpec | undefined
  args: string[]
  flags: Map<string, string>
}

const ADJUST = [
  '-version',
  '-config',
  '-master-addr',
  '-rpc-timeout',
  '-ssl-ca',
  '-ssl-cert',
  '-ssl-key'
]

/** `AdjustArgumentsForPflags`: `-master-addr x` and `-master-addr=x` become `--master-addr …`. */
export function adjustArgs(args: readonly string[]): string[] {
  return args.map((a) => {
    const t = a.trim()
    return ADJUST.some((p) => t === p || t.startsWith(`${p}=`)) ? `-${t}` : a
  })
}

function parse(argv: readonly string[]): Parsed {
  const flags = new Map<string, string>()
  const args: string[] = []
  let command: CommandSpec | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') {
      args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('-') && a !== '-') {
      const long = a.startsWith('--')
      const [rawName, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [
        string,
        string | undefined
      ]
      const spec = [...GLOBAL_FLAGS, ...(command?.flags ?? [])].find((f) =>
        long ? f.name === rawName : f.short === rawName
      )
      if (!spec)
        throw new CliError(
          `unknown ${long ? 'flag' : 'shorthand flag'}: ${long ? `--${rawName}` : `'${rawName}' in ${a}`}`
        )
      if (spec.type === 'bool') flags.set(spec.name, inline ?? 'true')
      else {
        const v = inline ?? argv[++i]
        if (v === undefined) throw new CliError(`flag needs an argument: ${a}`)
        flags.set(
          spec.name,
          spec.name === 'source' && flags.has('source') ? `${flags.get('source') ?? ''},${v}` : v
        )
      }
      continue
    }
    if (!command && args.length === 0) {
      command = COMMANDS.find((c) => c.name === a)
      if (!command && a !== 'help') throw new CliError(`unknown command "${a}" for "dmctl"`)
      if (a === 'help') {
        flags.set('help', 'true')
        command = COMMANDS.find((c) => c.name === argv[i + 1])
        break
      }
      continue
    }
    args.push(a)
  }
  return { command, args, flags }
}

/** POSTs one request to the master (its internal protocol), failing like gRPC would on a dead connection. */
function call<T>(addr: string, method: string, body: DmRequest, timeoutMs: number): Promise<T> {
  const [host, port] = splitAddr(addr)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host,
        port,
        path: `/dm/${method}`,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json' },
        timeout: timeoutMs
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if (res.statusCode !== 200) reject(new Error(`rpc error: code = Unknown desc = ${text}`))
          else resolve(JSON.parse(text) as T)
        })
      }
    )
    req.on('timeout', () => req.destroy(new Error('context deadline exceeded')))
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

function splitAddr(addr: string): [string, number] {
  const a = addr.replace(/^https?:\/\//, '').split(',')[0] ?? ''
  const i = a.lastIndexOf(':')
  return [a.slice(0, i) || '127.0.0.1', Number(a.slice(i + 1))]
}

/** grpc.Dial with WithBlock and a 3 s timeout: keeps trying until the deadline, then 48001. */
async function connectMaster(addr: string): Promise<void> {
  const deadline = Date.now() + 3000
  const [host, port] = splitAddr(addr)
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.request(
        { host, port, path: '/dm/Ping', method: 'POST', agent: false, timeout: 1000 },
        (res) => {
          res.resume()
          resolve(true)
        }
      )
      req.on('error', () => resolve(false))
      req.on('timeout', () => req.destroy())
      req.end()
    })
    if (ok) return
    if (Date.now() >= deadline) {
      const e = delegate(ERR.CtlGRPCCreateConn, 'context deadline exceeded')
      throw new TerrorException({ ...e, message: `can't connect to ${addr}` })
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

function readFile(io: DmctlIo, file: string): string {
  try {
    return readFileSync(path.resolve(io.cwd, file), 'utf8')
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    const reason =
      e.code === 'ENOENT'
        ? 'no such file or directory'
        : e.code === 'EISDIR'
          ? 'is a directory'
          : e.message
    throw new CliError(`error in get file content: open ${file}: ${reason}`)
  }
}

/** `GetTaskNameFromArgOrFile`. */
function taskName(io: DmctlIo, arg: string): string {
  if (!/\.ya?ml$/.test(arg)) return arg
  try {
    return parseTaskYaml(readFileSync(path.resolve(io.cwd, arg), 'utf8')).name
  } catch {
    return arg
  }
}

function usageError(io: DmctlIo, cmd: CommandSpec): never {
  io.out(`${commandHelp(cmd, false)}\n`)
  throw new CliError('please check output to see error')
}

/** The answer a command gives under the dmctl-result-false fault (real DM messages for the same situations). */
function faultAnswer(io: DmctlIo, cmd: string, args: string[]): string {
  const file = args[0] ?? ''
  if (cmd === 'operate-source') {
    const id = args[1]
      ? (() => {
          try {
            return parseSourceYaml(readFile(io, args[1] ?? '')).sourceId
          } catch {
            return args[1] ?? ''
          }
        })()
      : ''
    const e =
      file === 'create'
        ? generate(ERR.SchedulerSourceCfgExist, id)
        : generate(ERR.SchedulerSourceCfgNotExist, id)
    return formatOperateSource({ result: false, msg: terrorText(e), sources: [] })
  }
  if (cmd === 'check-task' || cmd === 'start-task') {
    const task = parseTaskYaml(readFile(io, file))
    const ids = task.instances.map((i) => i.sourceId)
    if (cmd === 'check-task') {
      const e = withClass(generate(ERR.ConfigSourceIDNotFound, ids[0] ?? ''), 'dm-master')
      return renderJsonpb(CheckTaskResponse, { result: false, msg: terrorText(e) })
    }
    const e = generate(ERR.SchedulerSubTaskExist, task.name, ids)
    return formatStartTask({
      result: false,
      msg: terrorText(e),
      sources: [],
      checkResult: 'pre-check is passed. '
    })
  }
  const name = taskName(io, file)
  if (cmd === 'query-status')
    return formatQueryStatus(
      { result: false, msg: `task ${name} has no source or not exist`, sources: [] },
      false
    )
  const op = cmd === 'pause-task' ? 'Pause' : cmd === 'resume-task' ? 'Resume' : 'Delete'
  return formatOperateTask({
    op,
    result: false,
    msg: `task ${name} has no source or not exist, please check the task name and status`,
    sources: []
  })
}

function forwardedFaults(env: NodeJS.ProcessEnv): NonNullable<DmRequest['faults']> {
  const paused = fault('dm-task-paused-error', env)
  return {
    checkTaskFail: fault('dm-check-task-fail', env) !== undefined,
    ...(paused !== undefined ? { taskPausedError: paused } : {})
  }
}

async function runCommand(io: DmctlIo, p: Parsed, addr: string, timeoutMs: number): Promise<void> {
  const cmd = p.command
  if (!cmd) return
  const send = <T>(method: string, body: DmRequest): Promise<T> =>
    call<T>(addr, method, { ...body, faults: forwardedFaults(io.env) }, timeoutMs)
  const faulted = fault('dmctl-result-false', io.env)
  switch (cmd.name) {
    case 'operate-source': {
      const op = p.args[0]
      if (!op) usageError(io, cmd)
      if (!['create', 'stop', 'show', 'update'].includes(op)) {
        io.out(`invalid operate '${op}' on worker\n`)
        throw new CliError('please check output to see error')
      }
      if (op !== 'show' && p.args.length === 1) {
        io.out('operate-source create/stop should specify config-file(s)\n')
        throw new CliError('please check output to see error')
      }
      const configs: string[] = []
      const ids = (p.flags.get('source') ?? '').split(',').filter(Boolean)
      for (const f of p.args.slice(1)) {
        let content: string
        try {
          content = readFile(io, f)
        } catch (err) {
          if (op === 'stop') {
            ids.push(f)
            continue
          }
          throw err
        }
        parseSourceYaml(content) // dmctl decodes strictly before sending: unknown keys fail here (exit 1)
        configs.push(content)
      }
      if (faulted === cmd.name) return io.out(`${faultAnswer(io, cmd.name, p.args)}\n`)
      const r = await send<OperateSourceResp>('OperateSource', { op, configs, sourceIds: ids })
      return io.out(`${formatOperateSource(r)}\n`)
    }
    case 'check-task':
    case 'start-task': {
      if (p.args.length !== 1) usageError(io, cmd)
      const content = readFile(io, p.args[0] ?? '')
      if (cmd.name === 'start-task') {
        // start-task decodes the YAML locally first (RawDecode: strict keys, no adjust).
        try {
          parseTaskYaml(content)
        } catch (err) {
          if (err instanceof TerrorException && err.terror.code === ERR.ConfigYamlTransform.code)
            throw err
        }
      }
      if (faulted === cmd.name) return io.out(`${faultAnswer(io, cmd.name, p.args)}\n`)
      if (cmd.name === 'check-task') {
        const r = await send<CheckTaskResp>('CheckTask', {
          task: content,
          errCnt: Number(p.flags.get('error') ?? 10),
          warnCnt: Number(p.flags.get('warn') ?? 10)
        })
        return io.out(`${formatCheckTask(r)}\n`)
      }
      const r = await send<StartTaskResp>('StartTask', {
        task: content,
        removeMeta: p.flags.get('remove-meta') === 'true'
      })
      return io.out(`${formatStartTask(r)}\n`)
    }
    case 'query-status': {
      if (p.args.length > 1) usageError(io, cmd)
      const name = p.args[0] ? taskName(io, p.args[0]) : ''
      if (faulted === cmd.name) return io.out(`${faultAnswer(io, cmd.name, p.args)}\n`)
      const r = await send<QueryStatusListResp>('QueryStatus', { name })
      const listForm = !name && !p.flags.get('source') && p.flags.get('more') !== 'true'
      return io.out(`${formatQueryStatus(r, listForm)}\n`)
    }
    case 'get-config': {
      if (p.args.length !== 2) usageError(io, cmd)
      const [type = '', name = ''] = p.args
      if (!['task', 'master', 'worker', 'source'].includes(type)) {
        io.out(`invalid config type '${type}'\n`)
        throw new CliError('please check output to see error')
      }
      const r = await send<GetCfgResp>('GetCfg', { op: type, name })
      const file = p.flags.get('file')
      if (r.result && file) {
        writeFileSync(path.resolve(io.cwd, file), r.cfg, { mode: 0o600 })
        r.msg = `write config to file ${file} succeed`
        r.cfg = ''
      }
      return io.out(`${renderJsonpb(GetCfgResponse, { ...r })}\n`)
    }
    default: {
      if (p.args.length === 0) {
        io.out(
          p.flags.get('source')
            ? 'can give only one source-name when task-name/task-conf is not specified\n'
            : 'must give one source-name when task-name/task-conf is not specified\n'
        )
        usageError(io, cmd)
      }
      if (p.args.length > 1) usageError(io, cmd)
      const name = taskName(io, p.args[0] ?? '')
      if (faulted === cmd.name) return io.out(`${faultAnswer(io, cmd.name, p.args)}\n`)
      const op =
        cmd.name === 'pause-task' ? 'Pause' : cmd.name === 'resume-task' ? 'Resume' : 'Delete'
      const r = await send<OperateTaskResp>('OperateTask', { op, name })
      return io.out(`${formatOperateTask(r)}\n`)
    }
  }
}

/** Runs dmctl with `argv` (without node and script) and returns its exit code. */
export async function runDmctl(argv: readonly string[], io: DmctlIo): Promise<number> {
  try {
    // log.InitLogger(File: "dmctl.log"): the file is opened (created) in the working directory on every run.
    appendFileSync(path.join(io.cwd, 'dmctl.log'), '')
  } catch (err) {
    io.out(`init logger error ${(err as Error).message}\n`)
    return 2
  }
  let p: Parsed
  try {
    p = parse(adjustArgs(argv))
  } catch (err) {
    io.err(`Error: ${(err as Error).message}\n`)
    if (!/flag/.test((err as Error).message)) io.err("Run 'dmctl --help' for usage.\n")
    return 1
  }
  if (p.flags.get('help') === 'true' || (!p.command && p.args.length === 0)) {
    io.out(`${p.command ? commandHelp(p.command, true) : rootHelp()}\n`)
    return 0
  }
  try {
    const addr = p.flags.get('master-addr') || io.env['DM_MASTER_ADDR'] || ''
    if (!addr) {
      throw new CliError(
        "--master-addr not provided, this parameter is required when interacting with the dm-master, you can also use environment variable 'DM_MASTER_ADDR' to specify the value. Use `dmctl --help` to see more help messages"
      )
    }
    const rpc = p.flags.get('rpc-timeout') ?? '10m'
    const secs = goDurationSeconds(rpc)
    if (secs === undefined) throw new CliError(`time: invalid duration "${rpc}"`)
    if (secs <= 0) throw new CliError(`invalid time duration: ${rpc}`)
    for (const ep of addr.split(',')) {
      const bare = ep.replace(/^https?:\/\//, '')
      if (!/^[^:]*:\d*$/.test(bare) && !/^\[.*\]:\d*$/.test(bare))
        throw new CliError(`specify master addr ${addr}: address ${bare}: missing port in address`)
    }
    await connectMaster(addr)
    await runCommand(io, p, addr, secs * 1000)
    return 0
  } catch (err) {
    io.err(`Error: ${err instanceof TerrorException ? err.message : (err as Error).message}\n`)
    return 1
  }
}
