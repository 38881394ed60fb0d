import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { createApiClient } from './api/client.ts';
import { startApp } from './ui/app.ts';
import { registerBuiltinPanels } from './ui/builtin-panels.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

registerBuiltinPanels();
// Panels owned by other modules register themselves on import (registerPanel from ui/panels.ts);
// the glob is resolved at build time, so a module that does not exist yet costs nothing.
import.meta.glob(['./ui/documents-panel.ts', './ui/*.panel.ts'], { eager: true });
void startApp(createApiClient());
