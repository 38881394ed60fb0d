import { renderDetails } from './details-panel.ts';
import { registerPanel } from './panels.ts';
import { renderTrace } from './trace-view.ts';
import { renderWorkload } from './workload-view.ts';

/** The explorer's own views, in tab order. Other modules register theirs with registerPanel(). */
export function registerBuiltinPanels(): void {
  registerPanel('details', 'details', renderDetails);
  registerPanel('trace', 'trace', renderTrace);
  registerPanel('workload', 'workload', renderWorkload);
}
