import { useStore, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { laneLabelFont, overviewScale } from './geometry';
import { laneLabelWidth, type Lane } from './swimlane';

export type LaneNode = Node<{ lane: Lane; width: number; height: number; index: number }, 'lane'>;

/** One swimlane's band behind the cards, with the organisation level written at its left. */
export function LaneBand({ data }: NodeProps<LaneNode>) {
  const { t } = useTranslation();
  const scale = useStore(overviewScale);
  const label = t(`designer.lanes.${data.lane}`);
  return (
    <div
      className={`flex border-b border-solid-gray-420 ${data.index % 2 === 0 ? 'bg-solid-gray-50' : 'bg-white'}`}
      style={{ width: data.width, height: data.height }}
      data-testid={`lane-${data.lane}`}
    >
      <div
        className="flex items-center whitespace-nowrap border-r border-solid-gray-420 bg-solid-gray-100 px-3 text-std-16B-170 text-solid-gray-900"
        style={{ width: laneLabelWidth, ...(scale === null ? {} : { fontSize: laneLabelFont(scale, laneLabelWidth, label), lineHeight: 1.15 }) }}
      >
        {label}
      </div>
    </div>
  );
}
