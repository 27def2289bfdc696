/**
 * Renders the Inputs and Outputs tables of README.md from action.yml, so the two never disagree. Pure: text in,
 * text out; `scripts/docs.ts` does the file reading and writing.
 */
import { parse } from 'yaml'

/** One input of action.yml. */
export interface ActionInput {
  readonly description: string
  readonly required?: boolean
  readonly default?: string
}

/** The parts of action.yml the README documents. */
export interface ActionSpec {
  readonly inputs: Readonly<Record<string, ActionInput>>
  readonly outputs: Readonly<Record<string, { readonly description: string }>>
}

/** The comments that delimit each generated block in README.md. */
export const MARKERS = {
  inputs: [
    '<!-- inputs:start (generated from action.yml by npm run docs) -->',
    '<!-- inputs:end -->'
  ],
  outputs: [
    '<!-- outputs:start (generated from action.yml by npm run docs) -->',
    '<!-- outputs:end -->'
  ]
} as const

/** Reads action.yml's text. @throws Error when it has no inputs or an entry has no description. */
export function parseActionYaml(text: string): ActionSpec {
  const doc = parse(text) as Partial<ActionSpec> | null
  const inputs = doc?.inputs ?? {}
  const outputs = doc?.outputs ?? {}
  for (const [kind, entries] of [
    ['input', inputs],
    ['output', outputs]
  ] as const) {
    for (const [name, entry] of Object.entries(entries)) {
      if (typeof entry.description !== 'string' || entry.description.trim() === '') {
        throw new Error(`action.yml: ${kind} '${name}' has no description`)
      }
    }
  }
  return { inputs, outputs }
}

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

function defaultCell(input: ActionInput): string {
  if (input.required) return '**required**'
  if (input.default === undefined) return '—'
  return input.default === '' ? '*(empty)*' : `\`${cell(input.default)}\``
}

/** The Inputs table, in action.yml's order. */
export function renderInputsTable(spec: ActionSpec): string {
  const rows = Object.entries(spec.inputs).map(
    ([name, input]) => `| \`${name}\` | ${cell(input.description)} | ${defaultCell(input)} |`
  )
  return ['| Input | Description | Default |', '| --- | --- | --- |', ...rows].join('\n')
}

/** The Outputs table, in action.yml's order. */
export function renderOutputsTable(spec: ActionSpec): string {
  const rows = Object.entries(spec.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

/**
 * The text with the block between the two markers replaced by `body`.
 * @throws Error when the markers are missing
 */
export function replaceBlock(
  text: string,
  [start, end]: readonly [string, string],
  body: string
): string {
  const from = text.indexOf(start)
  const to = text.indexOf(end, from + start.length)
  if (from < 0 || to < 0) throw new Error(`README.md has no '${start}' … '${end}' block`)
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
}

/** README.md with both generated blocks replaced. @throws Error when a block's markers are missing. */
export function updateReadme(readme: string, spec: ActionSpec): string {
  const withInputs = replaceBlock(readme, MARKERS.inputs, renderInputsTable(spec))
  return replaceBlock(withInputs, MARKERS.outputs, renderOutputsTable(spec))
}
