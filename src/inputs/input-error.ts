/** An input the user must fix: its message names the input and says what it accepts. */
export class InputError extends Error {
  override name = 'InputError'
}
