// bpmn-moddle ships no types for its entry point; the tests use this much of it.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    [key: string]: unknown;
  }

  export class BpmnModdle {
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string }[]; elementsById: Record<string, ModdleElement> }>;
  }
}
