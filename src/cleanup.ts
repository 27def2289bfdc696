/**
 * Post-step cleanup. Placeholder until the foundation lands.
 */
export async function cleanup(): Promise<void> {
  return Promise.resolve()
}
