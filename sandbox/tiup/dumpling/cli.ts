// The Dumpling stand-in (`tiup dumpling …`): pflag parsing of the real flag set, the version banner on stderr,
// logs in the pingcap format on stdout (or --logfile), and the real exits: `parse arguments failed` /
// `meet some unparsed arguments` / `create dumper failed` / `dump failed` (exit 1), unknown flags (exit 2).
import { goStackText } from '../go-stack.js'
import { PflagError } from '../pflag.js'
import { ToolLogger, parseLevel } from '../tool-log.js'
import { dumplingBanner, dumplingWelcomeFields } from '../versions.js'
import {
  ArgumentError,
  configFromFlags,
  dumplingFlags,
  dumplingUsage,
  parsePflags,
  type DumplingConfig
} from './flags.js'
import { CreateDumperError, DumpError, Dumper } from './dump.js'

const out = (s: string): boolean => process.stdout.write(s)
const err = (s: string): boolean => process.stderr.write(s)

/** Runs Dumpling with the given arguments and returns the exit code. */
export async function runDumpling(argv: readonly string[]): Promise<number> {
  const specs = dumplingFlags()
  let parsed
  try {
    parsed = parsePflags(argv, specs)
  } catch (e) {
    if (!(e instanceof PflagError)) throw e
    err(`${e.message}\n${dumplingUsage(specs)}`)
    return 2
  }
  if (/^(1|t|true)$/i.test(String(parsed.values.get('help')))) {
    err(dumplingUsage(specs))
    return 0
  }
  err(`${dumplingBanner()}\n`)
  if (/^(1|t|true)$/i.test(String(parsed.values.get('version')))) return 0
  let conf: DumplingConfig
  try {
    conf = configFromFlags(parsed)
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e
    out(
      `\nparse arguments failed: ${goStackText(e.message, [
        [
          'github.com/pingcap/tidb/dumpling/export.(*Config).ParseFromFlags',
          '/workspace/source/tidb/dumpling/export/config.go:413'
        ],
        ['main.main', '/workspace/source/tidb/dumpling/cmd/dumpling/main.go:60']
      ])}\n`
    )
    return 1
  }
  if (parsed.args.length) {
    out(`\nmeet some unparsed arguments, please check again: [${parsed.args.join(' ')}]\n`)
    return 1
  }
  const log = new ToolLogger(conf.logFile, parseLevel(conf.logLevel))
  log.info('versions.go:54', 'Welcome to dumpling', dumplingWelcomeFields())
  const dumper = new Dumper(conf, log)
  try {
    try {
      await dumper.create()
    } catch (e) {
      if (!(e instanceof CreateDumperError)) throw e
      out(`\ncreate dumper failed: ${e.message}\n`)
      return 1
    }
    try {
      await dumper.dump()
    } catch (e) {
      const message = e instanceof DumpError ? e.message : String((e as Error).message ?? e)
      log.error('main.go:86', 'dump failed error stack info', [
        ['error', message],
        [
          'errorVerbose',
          goStackText(message, [
            [
              'github.com/pingcap/tidb/dumpling/export.(*Dumper).Dump',
              '/workspace/source/tidb/dumpling/export/dump.go:198'
            ],
            ['main.main', '/workspace/source/tidb/dumpling/cmd/dumpling/main.go:82']
          ])
        ]
      ])
      out(`\ndump failed: ${message}\n`)
      return 1
    }
    log.info('main.go:90', 'dump data successfully, dumpling will exit now')
    return 0
  } finally {
    await dumper.close()
    log.close()
  }
}
