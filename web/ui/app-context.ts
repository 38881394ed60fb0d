import type { ApiClient, Subgraph } from '../api/client.ts';
import type { GraphCanvas } from '../cy/canvas.ts';
import type { UrlWrite } from '../state/nav-history.ts';
import type { ViewState } from '../state/url-state.ts';

/** What panels may do to the app; they never reach into each other. */
export interface AppContext {
  api: ApiClient;
  canvas: GraphCanvas;
  state: ViewState;
  /** Run `work`, showing the loading indicator if it takes longer than 200 ms and any error as a message. */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  showError(e: unknown): void;
  /** Put the node on the canvas with its neighbourhood, centre it and select it. */
  focusNode(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  /** Replace or extend the canvas with a subgraph and lay it out. */
  showSubgraph(sub: Pick<Subgraph, 'nodes' | 'edges'>, opts?: { replace?: boolean; highlight?: readonly string[]; source?: string }): void;
  /** Select a node or edge; `show` opens the details panel for it. */
  select(id: string | null, opts?: { show?: boolean }): void;
  /** Open a panel; without `arg` it gets the argument it had when last open. */
  openPanel(id: string, arg?: string | null): void;
  /** Write the view to the URL: a new Back step when focus, source or panel changed (`auto`), else in place. */
  syncUrl(mode?: UrlWrite): void;
  relayout(): void;
}
