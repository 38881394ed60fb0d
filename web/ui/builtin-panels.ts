import { renderConsistency } from './consistency-view.ts';
import { renderDetails } from './details-panel.ts';
import { renderDocumentsPanel } from './documents-panel.ts';
import { renderMatrix } from './matrix-view.ts';
import { registerPanel } from './panels.ts';
import { renderPaths } from './paths-view.ts';
import { renderTimeline } from './timeline-view.ts';
import { renderTrace } from './trace-view.ts';
import { renderWorkload } from './workload-view.ts';

/** The explorer's own views, in tab order. Other modules register theirs with registerPanel(). */
export function registerBuiltinPanels(): void {
  registerPanel('details', 'details', renderDetails);
  registerPanel('trace', 'trace', renderTrace, { keep: true });
  registerPanel('workload', 'workload', renderWorkload);
  registerPanel('timeline', 'timeline', renderTimeline);
  registerPanel('matrix', 'matrix', renderMatrix);
  registerPanel('paths', 'paths', renderPaths, { keep: true });
  registerPanel('consistency', 'consistency', renderConsistency);
  // The documents panel (its own module) reloads after an upload or merge; the URL keeps the view.
  registerPanel('documents', 'documents', (el, ctx) => renderDocumentsPanel(el, { documents: () => ctx.api.documents(), onGraphChanged: () => location.reload() }));
}
