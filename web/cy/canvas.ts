import type { Core, EdgeSingular, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import type { GraphEdge, GraphNode, NodeType } from '../../graph/model/index.ts';
import { defaultFilters, hiddenIds } from '../state/filters.ts';
import type { Filters } from '../state/filters.ts';
import { History } from '../state/history.ts';
import type { Snapshot } from '../state/history.ts';
import { CLUSTER_THRESHOLD, planClusters } from './cluster-plan.ts';
import type { ClusterMode } from './cluster-plan.ts';
import { collapseGroups, NON_DOMAIN, openCluster } from './clusters.ts';
import { EXPAND_CAP, moreElements, moreNodeId, planExpansion, ringPositions } from './expand.ts';
import type { Pending } from './expand.ts';
import { computeMetric, labelOf, scaleSize, toCyEdge, toCyNode } from './to-cy-elements.ts';
import type { SizeMode } from './to-cy-elements.ts';

export interface CanvasOptions {
  lang: () => 'zh' | 'en';
  moreLabel: (n: number) => string;
  /** A cluster's label from its lead member's name and its member count. */
  clusterLabel?: (name: string, count: number) => string;
}

/**
 * The canvas model: the Cytoscape instance plus the domain records behind its elements.
 * Domain records stay here (details, filters, export need them); Cytoscape holds only render data.
 */
export class GraphCanvas {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  readonly pending = new Map<string, Pending>();
  expanded: string[] = [];
  filters: Filters = defaultFilters();
  sizeMode: SizeMode = 'degree';
  workload: Map<string, number> | undefined;
  clusterMode: ClusterMode = 'community';
  clusterThreshold = CLUSTER_THRESHOLD;
  private readonly history = new History<[string, Pending][]>();
  /** While above zero, edits join the step already recorded (one undo for a whole restore). */
  private grouped = 0;
  /** The app's view state to keep with each snapshot, and to put back on undo and redo. */
  snapshotMeta: () => unknown = () => undefined;
  onRestore: (meta: unknown) => void = () => undefined;
  /** Called whenever what undo or redo can do changes (toolbar buttons follow it). */
  onHistoryChange: () => void = () => undefined;

  constructor(readonly cy: Core, private readonly opts: CanvasOptions) {}

  private readonly clusterLabel = (lead: string, count: number): string => {
    const name = this.nodes.get(lead)?.name ?? lead;
    const short = name.length > 10 ? `${name.slice(0, 9)}…` : name;
    return this.opts.clusterLabel?.(short, count) ?? `${short} ${count}`;
  };

  get canUndo(): boolean {
    return this.history.size > 0;
  }

  get canRedo(): boolean {
    return this.history.redoSize > 0;
  }

  /** Domain ids on the canvas and not filtered out (the "current view"). */
  visibleNodeIds(): string[] {
    return this.cy.nodes().not(NON_DOMAIN).not('.filtered').map((n) => n.id());
  }

  private snapshot(): Snapshot<[string, Pending][]> {
    return { elements: this.cy.elements().jsons() as unknown as ElementDefinition[], pending: [...this.pending.entries()], expanded: [...this.expanded], meta: this.snapshotMeta() };
  }

  checkpoint(): void {
    if (this.grouped > 0) return;
    this.history.push(this.snapshot());
    this.onHistoryChange();
  }

  /** Run `work` (which may edit the canvas several times) as one undo step. */
  async group<T>(work: () => Promise<T>): Promise<T> {
    this.checkpoint();
    this.grouped++;
    try { return await work(); } finally { this.grouped--; }
  }

  /** Forget every step: the canvas as it is now is where undo starts (a shared link just opened). */
  resetHistory(): void {
    this.history.clear();
    this.onHistoryChange();
  }

  undo(): boolean {
    return this.apply(this.history.undo(this.snapshot()));
  }

  redo(): boolean {
    return this.apply(this.history.redo(this.snapshot()));
  }

  private apply(s: Snapshot<[string, Pending][]> | undefined): boolean {
    if (!s) return false;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(s.elements);
    });
    this.pending.clear();
    for (const [k, v] of s.pending) this.pending.set(k, v);
    this.expanded = s.expanded;
    this.onRestore(s.meta);
    this.onHistoryChange();
    return true;
  }

  clear(): void {
    this.checkpoint();
    this.cy.elements().remove();
    this.pending.clear();
    this.expanded = [];
  }

  private remember(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): void {
    for (const n of nodes) this.nodes.set(n.id, n);
    for (const e of edges) this.edges.set(e.id, e);
  }

  private centroid(except: string): Position | null {
    const others = this.cy.nodes().not(`[id = ${JSON.stringify(except)}]`);
    if (others.length === 0) return null;
    const bb = others.boundingBox();
    return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
  }

  /** Add a whole subgraph (trace, paths, a workload agency's tasks); returns how many nodes were new. */
  addSubgraph(sub: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }, center?: string): number {
    this.remember(sub.nodes, sub.edges);
    const fresh = sub.nodes.filter((n) => this.cy.getElementById(n.id).empty());
    const origin = center ? this.cy.getElementById(center) : null;
    const at = origin && origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    const pos = ringPositions(at, fresh.length, center ? this.centroid(center) : null);
    const lang = this.opts.lang();
    this.cy.batch(() => {
      this.cy.add(fresh.map((n, i) => ({ ...toCyNode(n, lang), position: pos[i] ?? at })));
      this.cy.add(sub.edges.filter((e) => this.cy.getElementById(e.id).empty() && this.has(e.source) && this.has(e.target)).map(toCyEdge));
    });
    this.clusterIfLarge(center ? [center] : []);
    this.refresh();
    return fresh.length;
  }

  /** Graph elements drawn as themselves: not inside a cluster, not a control. */
  drawnCount(): number {
    return this.cy.elements().not(NON_DOMAIN).not('.clustered').length;
  }

  /**
   * Above the threshold, group what is drawn into clusters (the clusters already there stay);
   * `keep` (the node just expanded) and pinned nodes stay drawn. Returns the nodes hidden now.
   */
  clusterIfLarge(keep: readonly string[] = []): number {
    if (this.drawnCount() <= this.clusterThreshold) return 0;
    const drawn = this.cy.nodes().not(NON_DOMAIN).not('.clustered');
    const nodes = drawn.map((n) => ({ id: n.id(), type: n.data('type') as NodeType }));
    const edges = drawn.edgesWith(drawn).not(NON_DOMAIN).map((e) => ({ source: (e as EdgeSingular).source().id(), target: (e as EdgeSingular).target().id() }));
    const fixed = new Set([...keep, ...drawn.filter('.pinned').map((n) => n.id())]);
    return collapseGroups(this.cy, planClusters(nodes, edges, { mode: this.clusterMode, keep: fixed }), this.clusterLabel);
  }

  /** Draw a cluster's members again (one undo step); the other clusters stay as they are. */
  openCluster(id: string): string[] {
    if (this.cy.getElementById(id).empty()) return [];
    this.checkpoint();
    const members = openCluster(this.cy, id);
    this.refresh();
    return members;
  }

  private has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Add up to the cap of `sub`'s new neighbours around `centerId`; the rest go behind a "N more" node. */
  expandWith(centerId: string, sub: Pending, cap = EXPAND_CAP, record = true): { added: number; remaining: number } {
    if (record) this.checkpoint();
    const centerNode = sub.nodes.find((n) => n.id === centerId) ?? this.nodes.get(centerId);
    if (centerNode && !this.has(centerId)) this.addSubgraph({ nodes: [centerNode], edges: [] });
    const present = new Set(this.cy.nodes().not('.more').map((n) => n.id()));
    const previous = this.pending.get(centerId);
    const merged: Pending = previous ? { nodes: [...sub.nodes, ...previous.nodes], edges: [...sub.edges, ...previous.edges] } : sub;
    const plan = planExpansion(centerId, merged, present, cap);
    this.cy.getElementById(moreNodeId(centerId)).remove();
    this.addSubgraph({ nodes: plan.add, edges: plan.edges }, centerId);
    this.remember(plan.rest.nodes, plan.rest.edges);
    if (plan.rest.nodes.length > 0) {
      this.pending.set(centerId, plan.rest);
      const at = this.cy.getElementById(centerId).position();
      this.cy.add(moreElements(centerId, plan.rest.nodes.length, this.opts.moreLabel(plan.rest.nodes.length), at));
    } else {
      this.pending.delete(centerId);
    }
    if (!this.expanded.includes(centerId)) this.expanded.push(centerId);
    return { added: plan.add.length, remaining: plan.rest.nodes.length };
  }

  /** The "N more" control: next batch of the neighbours that were held back. */
  showMore(centerId: string, cap = EXPAND_CAP): { added: number; remaining: number } {
    const rest = this.pending.get(centerId);
    if (!rest) return { added: 0, remaining: 0 };
    // Recorded before the held-back list is taken, so undo gives the "N more" control its nodes back.
    this.checkpoint();
    this.pending.delete(centerId);
    return this.expandWith(centerId, rest, cap, false);
  }

  hide(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.checkpoint();
    for (const id of ids) {
      const el = this.cy.getElementById(id);
      // Hiding a cluster hides what is inside it.
      if (el.hasClass('cluster')) for (const m of el.data('members') as string[]) this.cy.getElementById(m).remove();
      el.remove();
      this.cy.getElementById(moreNodeId(id)).remove();
      this.pending.delete(id);
    }
    this.expanded = this.expanded.filter((id) => this.has(id));
    this.refresh();
  }

  /** Remove the neighbours that hang only on this node (leaves), undoing an expansion visually. */
  collapse(id: string): number {
    const node = this.cy.getElementById(id);
    if (node.empty()) return 0;
    this.checkpoint();
    const leaves = node.neighborhood('node').filter((n) => (n as NodeSingular).degree(false) <= 1 && !n.hasClass('pinned'));
    const count = leaves.not('.more').length;
    leaves.remove();
    this.pending.delete(id);
    this.expanded = this.expanded.filter((x) => x !== id);
    this.refresh();
    return count;
  }

  togglePin(id: string): boolean {
    const n = this.cy.getElementById(id);
    if (n.empty()) return false;
    const pinned = !n.hasClass('pinned');
    n.toggleClass('pinned', pinned);
    if (pinned) n.lock(); else n.unlock();
    return pinned;
  }

  setFilters(f: Filters): void {
    this.filters = f;
    this.refresh();
  }

  setSizeMode(mode: SizeMode, workload?: Map<string, number>): void {
    this.sizeMode = mode;
    if (workload) this.workload = workload;
    this.refresh();
  }

  relabel(): void {
    const lang = this.opts.lang();
    this.cy.batch(() => {
      this.cy.nodes().not('.more').forEach((n) => {
        const d = this.nodes.get(n.id());
        if (d) n.data('label', labelOf(d, lang));
      });
      this.cy.nodes('.more').forEach((n) => { n.data('label', this.opts.moreLabel(Number(n.data('remaining')))); });
      this.cy.nodes('.cluster').forEach((n) => { n.data('label', this.clusterLabel(String(n.data('lead')), Number(n.data('count')))); });
    });
  }

  private onCanvas<T extends { id: string }>(map: Map<string, T>, sel: string): T[] {
    return this.cy.$(sel).not('.more').map((el) => map.get(el.id())).filter((x): x is T => x !== undefined);
  }

  /** Sizes and filter classes follow the graph now on the canvas. */
  refresh(): void {
    const nodes = this.onCanvas(this.nodes, 'node');
    const edges = this.onCanvas(this.edges, 'edge');
    const metric = computeMetric(nodes, edges, this.sizeMode, this.workload);
    const max = Math.max(0, ...metric.values());
    const hidden = hiddenIds(nodes, edges, this.filters);
    this.cy.batch(() => {
      for (const n of nodes) {
        const el = this.cy.getElementById(n.id);
        el.data('size', scaleSize(metric.get(n.id) ?? 0, max));
        el.toggleClass('filtered', hidden.has(n.id));
      }
      for (const e of edges) this.cy.getElementById(e.id).toggleClass('filtered', hidden.has(e.id));
      this.cy.nodes('.more').forEach((m) => { m.toggleClass('filtered', hidden.has(String(m.data('center')))); });
    });
  }

  /** Mark elements (a path, a trace) and fade the rest so they stand out. */
  highlight(ids: readonly string[], cls = 'path'): void {
    this.cy.elements().removeClass(`${cls} faded`);
    if (ids.length === 0) return;
    const set = new Set(ids);
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => { el.toggleClass(cls, set.has(el.id())); el.toggleClass('faded', !set.has(el.id())); });
    });
  }
}
