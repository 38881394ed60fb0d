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
void startApp(createApiClient());
