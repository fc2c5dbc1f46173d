// 按比例返还: when frozen money cannot be traced to one victim, it goes back in proportion to the
// victims' losses. Shares are whole fen that add up exactly to the total (largest remainder: each
// gets floor(total × loss / Σloss), then the fen left over go one each to the largest remainders,
// ties to the earlier victim), so no fen is created or lost.

export interface ProRataClaim {
  id: string;
  lossFen: bigint;
}

export function proRataShares(totalFen: bigint, claims: readonly ProRataClaim[]): { id: string; lossFen: bigint; shareFen: bigint }[] {
  if (totalFen < 0n) throw new RangeError("total must be ≥ 0");
  const sum = claims.reduce((s, c) => s + c.lossFen, 0n);
  if (claims.some((c) => c.lossFen <= 0n) || sum === 0n) throw new RangeError("every loss must be > 0");
  // Never more than the losses: a surplus stays frozen for the decision to say otherwise.
  const total = totalFen > sum ? sum : totalFen;
  const shares = claims.map((c, index) => ({ id: c.id, lossFen: c.lossFen, shareFen: (total * c.lossFen) / sum, remainder: (total * c.lossFen) % sum, index }));
  let left = total - shares.reduce((s, c) => s + c.shareFen, 0n);
  const byRemainder = [...shares].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.shareFen += 1n;
    left -= 1n;
  }
  return shares.map(({ id, lossFen, shareFen }) => ({ id, lossFen, shareFen }));
}
