/** Words for connections, as screen readers say them and the property panel lists them. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An outcome port in words: Elsa's default "Done" is 完了; named outcomes (受理, 差戻し, True…) stay as written. */
export function portName(port: string, t: Translate): string {
  return port === 'Done' ? t('designer.canvas.portDone') : port;
}

/** 「死亡届受付」の「受理」から「住民票消除」へ: a connection named by its steps and its outcome. */
export function edgeLabel(source: string, port: string, target: string, t: Translate): string {
  return t('designer.canvas.edge', { source, port: portName(port, t), target });
}
