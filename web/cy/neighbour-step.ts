import type { Position } from 'cytoscape';

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTOR: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** Arrow keys by their `KeyboardEvent.key`. */
export const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The neighbour an arrow key moves to: the one lying most nearly in that direction on screen,
 * nearer ones first. Within 67.5° of the arrow, else within 90°; null when none lies that way.
 */
export function stepTarget(from: Position, candidates: readonly { id: string; pos: Position }[], dir: Direction): string | null {
  const [vx, vy] = VECTOR[dir];
  let best: { id: string; score: number; wide: boolean } | null = null;
  for (const c of candidates) {
    const dx = c.pos.x - from.x;
    const dy = c.pos.y - from.y;
    const dist = Math.hypot(dx, dy);
    if (dist === 0) continue;
    const cos = (dx * vx + dy * vy) / dist;
    if (cos <= 0) continue;
    const wide = cos < Math.cos((67.5 * Math.PI) / 180);
    // Off-axis costs distance: a neighbour straight ahead wins over a slightly nearer one at 60°.
    const score = dist * (1 + 2 * (1 - cos));
    if (!best || (best.wide && !wide) || (best.wide === wide && score < best.score)) best = { id: c.id, score, wide };
  }
  return best?.id ?? null;
}
