import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import type { NextSteps } from './api';

/** 「次の手続「年金受給権者死亡届」は 年金事務所 に送られました」, or that the case is finished or waits on something else. */
export function NextStepsText({ next }: { next: NextSteps }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (next.tasks.length === 0)
    return (
      <p data-testid="task-next">
        {next.instanceStatus === 'Finished'
          ? t('tasks.task.nextFinished')
          : next.instanceStatus === 'Cancelled' || next.instanceStatus === 'Faulted'
            ? t('tasks.task.nextStopped')
            : t('tasks.task.nextWaiting')}
      </p>
    );
  return (
    <ul data-testid="task-next">
      {next.tasks.map((task, index) => {
        const name =
          (language === 'en' ? task.orgNameEn || task.orgNameJa : task.orgNameJa || task.orgNameEn) || task.orgCode || t('tasks.task.nextNoOrganisation');
        const organisation = task.role ? `${name} ${task.role}` : name;
        return <li key={index}>{t('tasks.task.nextSent', { step: task.title, organisation })}</li>;
      })}
    </ul>
  );
}
