import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from './api';
import { CaseData } from './CaseData';
import { ArmBadge, Assignee, DateTime, DueTime, StatusLabel } from './parts';
import { dlClass, Section } from './Section';

/** What the task is: process and arm, status, due time, assignee, when it was created and who holds it. */
export function TaskFacts({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <dl className={`${dlClass} mb-6 max-w-4xl`} aria-label={t('tasks.task.summaryLabel')} data-testid="task-summary">
      <dt className="font-bold">{t('tasks.task.process')}</dt>
      <dd data-testid="task-process">
        <span className="mr-2">{task.processName || task.processKey}</span>
        <ArmBadge arm={task.arm} />
      </dd>
      <dt className="font-bold">{t('tasks.task.status')}</dt>
      <dd data-testid="task-status">
        <StatusLabel status={task.status} />
      </dd>
      <dt className="font-bold">{t('tasks.task.due')}</dt>
      <dd data-testid="task-due">
        <DueTime task={task} noDueKey="tasks.task.noDue" />
      </dd>
      <dt className="font-bold">{t('tasks.task.assignee')}</dt>
      <dd data-testid="task-assignee">
        <Assignee task={task} />
      </dd>
      <dt className="font-bold">{t('tasks.task.created')}</dt>
      <dd>
        <DateTime iso={task.createdAt} />
      </dd>
      {task.status === 'Claimed' && task.claimedBy && (
        <>
          <dt className="font-bold">{t('tasks.task.claimedBy')}</dt>
          <dd data-testid="task-claimed-by">{task.claimedBy}</dd>
        </>
      )}
    </dl>
  );
}

/** The clerk's reading: instructions, the case's data and the step's measurement (forms, transcriptions, visits). */
export function TaskContext({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const measurement = task.measurement;
  const measurementRows: [string, ReactNode][] = measurement
    ? (
        [
          ['stepCode', measurement.stepCode],
          ['forms', measurement.forms],
          ['transcribedItems', measurement.transcribedItems],
          ['residentVisits', measurement.residentVisits],
          ['residentDocuments', measurement.residentDocuments],
          ['standardEffort', measurement.standardEffortMinutes ? t('tasks.task.standardEffortValue', { ...measurement.standardEffortMinutes }) : null],
        ] as [string, ReactNode][]
      ).filter(([, value]) => value !== null && value !== undefined && value !== '')
    : [];

  return (
    <>
      {task.instructions && task.instructions.trim() !== '' && (
        <Section title={t('tasks.task.instructions')} testId="task-instructions">
          <p className="whitespace-pre-line rounded-8 border border-solid-gray-420 bg-white p-6">{task.instructions}</p>
        </Section>
      )}

      <Section title={t('tasks.task.caseData')} testId="task-case-data">
        <CaseData fields={task.caseFields} data={task.caseData} className={dlClass} />
      </Section>

      {measurementRows.length > 0 && (
        <Section title={t('tasks.task.measurement')} testId="task-measurement">
          <dl className={dlClass}>
            {measurementRows.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-bold">{t(`tasks.task.measurementItems.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
    </>
  );
}
