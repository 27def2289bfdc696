// The bad-input catalogue: every input set that must be refused before anything runs, with its exact message.
// Pure data (no jest globals), so the README's "Reliability" section can count it.
import { BAD_EDGE_INPUTS } from './bad-input-edges.js'
import { BAD_OPTION_INPUTS } from './bad-input-options.js'
import { BAD_POSITION_INPUTS } from './bad-input-positions.js'
import { BAD_VALUE_INPUTS } from './bad-input-values.js'
import type { BadInputRow } from './input-sets.js'

/** One bad input set. */
export interface BadInput {
  /** What is wrong, in a few words (the test's name). */
  readonly name: string
  /** The step's `with:`; undefined leaves an input unset (the runner then uses action.yml's default). */
  readonly inputs: Readonly<Record<string, string | undefined>>
  /** The exact message the step fails with. */
  readonly message: string
}

const toCase = ([name, inputs, message]: BadInputRow): BadInput => ({ name, inputs, message })

/** Every bad input set, by category: malformed values, options and combinations, empty values and near misses. */
export const BAD_INPUTS: readonly BadInput[] = [
  ...BAD_VALUE_INPUTS,
  ...BAD_OPTION_INPUTS,
  ...BAD_POSITION_INPUTS,
  ...BAD_EDGE_INPUTS
].map(toCase)
