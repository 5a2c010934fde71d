import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from './fields';
import { portName } from './edgeNames';
import type { ActivityNode, ConnectionEdge } from './model';

/**
 * 接続先: for each outcome port of the selected step, where it leads, and a choice of a step to connect it to — the
 * keyboard's way to draw a connection. It goes through the same connect path as dragging from a port.
 */
export function ConnectionsEditor({
  node,
  nodes,
  edges,
  readOnly,
  onConnect,
  onDisconnect,
}: {
  node: ActivityNode;
  nodes: readonly ActivityNode[];
  edges: readonly ConnectionEdge[];
  readOnly: boolean;
  onConnect: (port: string, target: string) => void;
  onDisconnect: (edgeId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The step chosen per port; 接続 makes the connection (choosing alone changes nothing, as a form control should).
  const [choice, setChoice] = useState<Record<string, string>>({});
  const nameOf = (n: ActivityNode | undefined, fallback: string) =>
    n && typeof n.data.activity.name === 'string' && n.data.activity.name ? n.data.activity.name : fallback;
  const others = nodes.filter((n) => n.id !== node.id);
  if (node.data.ports.length === 0) return null;
  return (
    <div className="mt-3 border-t border-solid-gray-200 pt-2" data-testid="connections-editor">
      <h3 className="mb-1 text-dns-16B-130">{t('designer.connections.heading')}</h3>
      <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('designer.connections.lead')}</p>
      {node.data.ports.map((port, index) => {
        const outgoing = edges.filter((e) => e.source === node.id && (e.sourceHandle ?? 'Done') === port);
        const taken = new Set(outgoing.map((e) => e.target));
        return (
          <div key={port} className="mb-3" data-testid={`connections-${port}`}>
            <p className="text-dns-14B-120">{t('designer.connections.port', { port: portName(port, t) })}</p>
            {outgoing.length === 0 ? (
              <p className="text-dns-14N-130 text-solid-gray-700">{t('designer.connections.none')}</p>
            ) : (
              <ul className="mb-1">
                {outgoing.map((e) => {
                  const target = nameOf(
                    nodes.find((n) => n.id === e.target),
                    e.target,
                  );
                  return (
                    <li key={e.id} className="flex items-center gap-2 text-dns-14N-130">
                      <span>→ {target}</span>
                      {!readOnly && (
                        <button
                          type="button"
                          className="link text-error-1"
                          onClick={() => onDisconnect(e.id)}
                          aria-label={t('designer.connections.remove', { port: portName(port, t), target })}
                        >
                          {t('designer.connections.removeShort')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {!readOnly && (
              <>
                <label htmlFor={`${id}-${index}`} className="text-dns-14N-130">
                  {t('designer.connections.connectTo', { port: portName(port, t) })}
                </label>
                <div className="flex gap-1">
                  <select
                    id={`${id}-${index}`}
                    className={inputClass}
                    value={choice[port] ?? ''}
                    onChange={(e) => setChoice((c) => ({ ...c, [port]: e.target.value }))}
                    data-testid={`connect-${port}`}
                  >
                    <option value="">{t('designer.connections.choose')}</option>
                    {others
                      .filter((n) => !taken.has(n.id))
                      .map((n) => (
                        <option key={n.id} value={n.id}>
                          {nameOf(n, n.id)}
                        </option>
                      ))}
                  </select>
                  <button
                    type="button"
                    className="btn-secondary shrink-0 !min-h-0 !px-3 !py-1"
                    disabled={!choice[port]}
                    onClick={() => {
                      const target = choice[port];
                      if (!target) return;
                      onConnect(port, target);
                      setChoice((c) => ({ ...c, [port]: '' }));
                    }}
                    data-testid={`connect-${port}-button`}
                  >
                    {t('designer.connections.connect')}
                  </button>
                </div>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
