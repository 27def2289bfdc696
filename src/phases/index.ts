// The phase graph of each operation. The whole graph is here, in one place; each phase's work is in
// its own file.
//
//   precheck ──┬── tiup ── schema-export ── schema-import ─────┐
//              └── binlog-capture ── snapshot ──┬── export ──────┴── skipped-tables ── data-import ── verify ── replicate
//                                               └── restore (a restored copy, when wanted) ──────────────┴─────────┘
//
// The schema track runs while the snapshot export runs (exports take tens of minutes to hours); the binlog position
// is read immediately before the snapshot is taken, not after the tools are installed. skipped-tables deals with the
// selected tables the export skipped (copy, fail or exclude) before the data import, so a `fail` imports nothing.
import { dmEnabled, restoreWanted, type Inputs } from '../inputs/types.js'
import type { Phase } from '../orchestrator/phase.js'
import { binlogCapturePhase } from './binlog-capture.js'
import { dataImportPhase } from './data-import.js'
import { dmOperationPhase } from './dm-operation.js'
import { exportPhase } from './export.js'
import { newMigrationState, type MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'
import { planPhase } from './plan.js'
import { precheckPhase } from './precheck.js'
import { replicatePhase } from './replicate.js'
import { restorePhase } from './restore.js'
import { schemaExportPhase } from './schema-export.js'
import { schemaImportPhase } from './schema-import.js'
import { skippedTablesPhase } from './skipped-tables.js'
import { snapshotPhase } from './snapshot.js'
import { tiupPhase } from './tiup.js'
import { verifyPhase } from './verify.js'
import { verifyOperationPhase } from './verify-operation.js'

const after = (body: PhaseBody, ...dependsOn: string[]): Phase => ({ ...body, dependsOn })

/** The migrate graph over one shared state. */
export function migratePhases(inputs: Inputs, state: MigrationState): Phase[] {
  // The restored copy: replication starts at its position, and verification compares with it.
  const restore = restoreWanted(inputs) ? ['restore'] : []
  const phases = [
    after(precheckPhase(state)),
    after(tiupPhase(state), 'precheck'),
    after(schemaExportPhase(state), 'tiup'),
    after(schemaImportPhase(state), 'schema-export'),
    after(binlogCapturePhase(state), 'precheck'),
    after(snapshotPhase(state), 'binlog-capture'),
    after(exportPhase(state), 'snapshot'),
    after(skippedTablesPhase(state), 'export', 'schema-import'),
    after(dataImportPhase(state), 'export', 'schema-import', 'skipped-tables'),
    after(verifyPhase(state), 'data-import', ...restore)
  ]
  if (restoreWanted(inputs)) phases.push(after(restorePhase(state), 'snapshot'))
  if (dmEnabled(inputs)) phases.push(after(replicatePhase(state), 'verify', ...restore))
  return phases
}

/**
 * The phases that carry out `inputs.operation`.
 * @param inputs validated inputs
 * @param state the state the phases share (a resumed run passes the restored one)
 */
export function phasesForOperation(
  inputs: Inputs,
  state: MigrationState = newMigrationState(inputs.runKey)
): Phase[] {
  switch (inputs.operation) {
    case 'migrate':
      return migratePhases(inputs, state)
    case 'plan':
      return [after(precheckPhase(state)), after(planPhase(state), 'precheck')]
    case 'verify':
      return [after(verifyOperationPhase())]
    case 'status':
    case 'pause':
    case 'resume':
    case 'stop':
      return dmEnabled(inputs)
        ? [
            after(tiupPhase(state, ['dmctl'])),
            after(dmOperationPhase(state, inputs.operation), 'tiup')
          ]
        : [after(dmOperationPhase(state, inputs.operation))]
  }
}
