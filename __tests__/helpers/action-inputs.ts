// Sets the action's inputs the way the runner does: INPUT_<NAME> with hyphens kept, plus action.yml's defaults.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

let cached: Record<string, string> | undefined

/** The `default:` of every input of action.yml that has one. */
export function actionDefaults(): Record<string, string> {
  if (cached) return { ...cached }
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined) out[name] = spec.default
  }
  cached = out
  return { ...out }
}

const envName = (input: string): string => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`

/**
 * Replaces every INPUT_* variable with the given inputs. With `runner` (the default) action.yml's defaults are set
 * first, as the runner sets them; an input given as undefined is left unset.
 */
export function setInputs(inputs: Record<string, string | undefined>, runner = true): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  const all: Record<string, string | undefined> = { ...(runner ? actionDefaults() : {}), ...inputs }
  for (const [name, value] of Object.entries(all))
    if (value !== undefined) process.env[envName(name)] = value
}
