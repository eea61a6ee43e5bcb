// The server's VIN rule (dev.mechanics.customer.Vin, used by @ValidVin), ported so the desk sees a typo as it
// types. The server still checks; the messages are the server's.
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VALUES = { A: 1, J: 1, B: 2, K: 2, S: 2, C: 3, L: 3, T: 3, D: 4, M: 4, U: 4, E: 5, N: 5, V: 5, F: 6, W: 6,
  G: 7, P: 7, X: 7, H: 8, Y: 8, R: 9, Z: 9 };

/** Why the text is not a valid VIN, or null when it is. */
export function vinProblem(text) {
  if (!text || text.length !== 17) return 'must be exactly 17 characters';
  const vin = text.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    if (c === 'I' || c === 'O' || c === 'Q') return 'must not contain the letters I, O or Q';
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : VALUES[c];
    if (value === undefined) return 'may contain only letters and digits';
    sum += value * WEIGHTS[i];
  }
  const remainder = sum % 11;
  const expected = remainder === 10 ? 'X' : String(remainder);
  if (vin[8] !== expected) return `check digit (9th character) does not match; expected ${expected}`;
  return null;
}
