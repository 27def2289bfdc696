// Phase `tiup`: tiup and the pinned components (dumpling, tidb-lightning, dmctl) on the runner, from the tool cache
// when a previous job left them there.
import { dmEnabled } from '../inputs/types.js'
import { componentsForOperation, setupTiup, type TiupComponent } from '../tidb/tiup/tiup.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/**
 * The tiup setup phase.
 * @param state receives the setup (tiup path, TIUP_HOME) for the phases that run components
 * @param components which components to install; by default what the operation needs
 */
export function tiupPhase(
  state: Pick<MigrationState, 'tiup'>,
  components?: readonly TiupComponent[]
): PhaseBody {
  return {
    id: 'tiup',
    title: 'Set up tiup and the PingCAP tools',
    async run(ctx) {
      const { tools, operation } = ctx.inputs
      const wanted = components ?? componentsForOperation(operation, dmEnabled(ctx.inputs))
      ctx.progress(`installing ${wanted.join(', ') || 'tiup'}`)
      const setup = await setupTiup({
        version: tools.tiupVersion,
        mirror: tools.tiupMirror,
        components: wanted,
        componentVersion: tools.tidbVersion,
        log: (line) => ctx.log.info(line),
        signal: ctx.signal
      })
      state.tiup = setup
      ctx.report.toolVersions['tiup'] = setup.version
      for (const [name, version] of Object.entries(setup.components))
        ctx.report.toolVersions[name] = version
      ctx.record.note = `tiup ${setup.version} (${setup.source === 'path' ? 'found on PATH' : setup.source === 'cache' ? 'from the tool cache' : 'downloaded'})`
      ctx.record.numbers.push({ label: 'components', value: wanted.length })
    }
  }
}
