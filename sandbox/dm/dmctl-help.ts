// dmctl's commands and flags (the subset the migration uses) and cobra-style help texts built from them. Usage
// lines, descriptions and flag texts are dmctl's (pingcap/tiflow dm/ctl).

/** A flag. */
export interface FlagSpec {
  readonly name: string
  readonly short?: string
  readonly type: 'string' | 'bool' | 'int' | 'strings'
  readonly usage: string
  readonly def?: string
}

/** A command. */
export interface CommandSpec {
  readonly name: string
  readonly use: string
  readonly short: string
  readonly flags: readonly FlagSpec[]
  /** Left out of `dmctl --help`, as cobra does for `Hidden: true`. */
  readonly hidden?: boolean
}

/** Persistent flags of the root command. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'config', type: 'string', usage: 'Path to config file.' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for dmctl' },
  {
    name: 'master-addr',
    type: 'string',
    usage:
      'Master API server address, this parameter is required when interacting with the dm-master'
  },
  { name: 'rpc-timeout', type: 'string', usage: 'RPC timeout, default is 10m.', def: '10m' },
  { name: 'source', short: 's', type: 'strings', usage: 'MySQL Source ID.' },
  {
    name: 'ssl-ca',
    type: 'string',
    usage: 'Path of file that contains list of trusted SSL CAs for connection.'
  },
  {
    name: 'ssl-cert',
    type: 'string',
    usage: 'Path of file that contains X509 certificate in PEM format for connection.'
  },
  {
    name: 'ssl-key',
    type: 'string',
    usage: 'Path of file that contains X509 key in PEM format for connection.'
  },
  { name: 'version', short: 'V', type: 'bool', usage: 'Prints version and exit.' }
]

const START_TIME: FlagSpec = {
  name: 'start-time',
  type: 'string',
  usage:
    "specify the start time of binlog replication, e.g. '2021-10-21 00:01:00', '2021-10-21T00:01:00', or '2021-10-21T00:01:00+08:00'"
}
const BATCH: FlagSpec = {
  name: 'batch-size',
  type: 'int',
  usage: 'batch size when operating all (sub)tasks bound to a source',
  def: '5'
}

/** Commands the sandbox's dmctl implements. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check-task',
    use: 'check-task <config-file> [--error count] [--warn count]',
    short: 'Checks the configuration file of the task',
    flags: [
      {
        name: 'error',
        short: 'e',
        type: 'int',
        usage: 'max count of errors to display',
        def: '10'
      },
      START_TIME,
      { name: 'warn', short: 'w', type: 'int', usage: 'max count of warns to display', def: '10' }
    ]
  },
  {
    name: 'get-config',
    use: 'get-config <task | master | worker | source> <name> [--file filename]',
    short: 'Gets the configuration',
    flags: [{ name: 'file', short: 'f', type: 'string', usage: 'write config to file' }],
    hidden: true
  },
  {
    name: 'operate-source',
    use: 'operate-source <operate-type> [config-file ...] [-w worker] [--print-sample-config]',
    short: '`create`/`stop`/`show` upstream MySQL/MariaDB source',
    flags: [
      {
        name: 'print-sample-config',
        short: 'p',
        type: 'bool',
        usage: 'print sample config file of source'
      },
      {
        name: 'worker',
        short: 'w',
        type: 'string',
        usage: 'specify bound worker for created source'
      }
    ]
  },
  {
    name: 'pause-task',
    use: 'pause-task [-s source ...] [task-name | task-file]',
    short: 'Pauses a specified running task or all (sub)tasks bound to a source',
    flags: [BATCH]
  },
  {
    name: 'query-status',
    use: 'query-status [-s source ...] [task-name | task-file] [--more]',
    short: 'Queries task status',
    flags: [{ name: 'more', type: 'bool', usage: 'whether to print the detailed task information' }]
  },
  {
    name: 'resume-task',
    use: 'resume-task [-s source ...] [task-name | task-file]',
    short: 'Resumes a specified paused task or all (sub)tasks bound to a source',
    flags: [BATCH]
  },
  {
    name: 'start-task',
    use: 'start-task [-s source ...] [--remove-meta] <config-file>',
    short: 'Starts a task as defined in the configuration file',
    flags: [
      { name: 'remove-meta', type: 'bool', usage: "whether to remove task's meta data" },
      START_TIME
    ]
  },
  {
    name: 'stop-task',
    use: 'stop-task [-s source ...] [task-name | task-file]',
    short: 'Stops a specified task or all (sub)tasks bound to a source',
    flags: [BATCH]
  }
]

function flagLines(flags: readonly FlagSpec[]): string {
  const left = flags.map((f) => {
    const type = f.type === 'bool' ? '' : ` ${f.type}`
    return `${f.short ? `  -${f.short}, ` : '      '}--${f.name}${type}`
  })
  const width = Math.max(...left.map((l) => l.length)) + 3
  return flags
    .map((f, i) => {
      const def =
        f.def === undefined
          ? ''
          : f.type === 'string'
            ? ` (default "${f.def}")`
            : ` (default ${f.def})`
      return `${(left[i] ?? '').padEnd(width)}${f.usage}${def}`
    })
    .join('\n')
}

/** `dmctl --help`. */
export function rootHelp(): string {
  const shown = COMMANDS.filter((c) => c.hidden !== true)
  const width = Math.max(...shown.map((c) => c.name.length), 4) + 2
  const cmds = [...shown, { name: 'help', short: 'Gets help about any command' }]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `  ${c.name.padEnd(width)} ${c.short}`)
    .join('\n')
  return `DM control

Usage:
  dmctl [flags]
  dmctl [command]

Available Commands:
${cmds}

Flags:
${flagLines(GLOBAL_FLAGS)}

Use "dmctl [command] --help" for more information about a command.`
}

/** `dmctl <command> --help` (with the description) or its usage (`cmd.Usage()`, without). */
export function commandHelp(cmd: CommandSpec, withDescription: boolean): string {
  const own = [
    ...cmd.flags,
    { name: 'help', short: 'h', type: 'bool', usage: `help for ${cmd.name}` } as FlagSpec
  ].sort((a, b) => a.name.localeCompare(b.name))
  const global = GLOBAL_FLAGS.filter((f) => f.name !== 'help')
  return `${withDescription ? `${cmd.short}\n\n` : ''}Usage:
  dmctl ${cmd.use} [flags]

Flags:
${flagLines(own)}

Global Flags:
${flagLines(global)}`
}
