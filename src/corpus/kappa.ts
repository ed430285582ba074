/**
 * Cohen's kappa for two annotators' binary labels on the same records:
 * agreement beyond what their label rates would give by chance. 1 when both
 * always agree; 0 when they agree only as often as chance; undefined (NaN)
 * when chance agreement is already perfect (both say 0 to everything).
 */
export function cohensKappa(a: readonly (0 | 1)[], b: readonly (0 | 1)[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error('kappa needs two equally long, non-empty label lists');
  const n = a.length;
  let agree = 0;
  let aYes = 0;
  let bYes = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    aYes += a[i]!;
    bYes += b[i]!;
  }
  const observed = agree / n;
  const expected = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  return expected === 1 ? Number.NaN : (observed - expected) / (1 - expected);
}
