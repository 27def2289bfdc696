import type { Phase } from '../orchestrator/phase.js'

/** A phase without its place in the graph: phases/index.ts adds `dependsOn`, so the whole graph reads in one place. */
export type PhaseBody = Omit<Phase, 'dependsOn'>
