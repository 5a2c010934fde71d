// Loaded only when a BPMN preview opens: the viewer and its stylesheet are a separate chunk.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

/** Draws a BPMN file into the element, fitted to it; answers the import's warnings and how to remove the viewer. */
export async function drawBpmn(xml: string, container: HTMLElement): Promise<{ warnings: number; dispose: () => void }> {
  const viewer = new NavigatedViewer({ container });
  const { warnings } = await viewer.importXML(xml);
  (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
  return { warnings: warnings.length, dispose: () => viewer.destroy() };
}
