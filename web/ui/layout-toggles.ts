import type { Core } from 'cytoscape';

/**
 * The two folds of a small screen: the filters drawer (narrow and medium widths, where the sidebar
 * does not fit beside the canvas) and the panels bottom sheet (phones). CSS decides when each
 * button shows; the canvas is told its size changed after every fold.
 */
export function bindLayoutToggles(cy: Core): { showPanels(): void } {
  const body = document.body;
  const filtersBtn = document.getElementById('btn-filters') as HTMLButtonElement;
  const sheetBtn = document.getElementById('btn-sheet') as HTMLButtonElement;
  const panels = document.getElementById('panels') as HTMLElement;
  const resize = () => requestAnimationFrame(() => cy.resize());
  const setFilters = (open: boolean) => {
    body.classList.toggle('filters-open', open);
    filtersBtn.setAttribute('aria-expanded', String(open));
  };
  const setSheet = (open: boolean) => {
    panels.classList.toggle('folded', !open);
    sheetBtn.setAttribute('aria-expanded', String(open));
    resize();
  };
  filtersBtn.addEventListener('click', () => setFilters(!body.classList.contains('filters-open')));
  sheetBtn.addEventListener('click', () => setSheet(panels.classList.contains('folded')));
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && body.classList.contains('filters-open')) { setFilters(false); filtersBtn.focus(); }
  });
  setFilters(false);
  setSheet(true);
  return { showPanels: () => { if (panels.classList.contains('folded')) setSheet(true); } };
}
