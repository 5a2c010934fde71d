import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { cycleLengthText, scheduleText } from './format';
import { cronFieldCount, cronPresets, cronWords, nextRuns, weekdays, type Translate } from './schedule';

const i18n = createI18n();
const ja = i18n.getFixedT('ja') as Translate;
const en = i18n.getFixedT('en') as Translate;

describe('cron in words', () => {
  it.each([
    ['*/3 * * * *', '3 分ごと', 'Every 3 minutes'],
    ['* * * * *', '毎分', 'Every minute'],
    ['0 * * * *', '毎時', 'Every hour'],
    ['30 * * * *', '毎時 30 分', 'Every hour at minute 30'],
    ['0 */2 * * *', '2 時間ごと', 'Every 2 hours'],
    ['15 */6 * * *', '6 時間ごと（15 分）', 'Every 6 hours at minute 15'],
    ['0 9 * * *', '毎日 9:00', 'Daily at 9:00'],
    ['5 17 * * *', '毎日 17:05', 'Daily at 17:05'],
    ['0 9 * * 1-5', '平日 9:00', 'Weekdays at 9:00'],
    ['0 9 * * MON-FRI', '平日 9:00', 'Weekdays at 9:00'],
    ['30 8 * * 1,3,5', '毎週 月・水・金 8:30', 'Every Mon, Wed, Fri at 8:30'],
    ['0 10 * * 0', '毎週 日 10:00', 'Every Sun at 10:00'],
    ['0 10 * * 7', '毎週 日 10:00', 'Every Sun at 10:00'],
    ['0 9 * * 0-6', '毎日 9:00', 'Daily at 9:00'],
    ['0 9 1 * *', '毎月 1 日 9:00', 'Monthly on day 1 at 9:00'],
    ['*/30 * * * * *', '30 秒ごと', 'Every 30 seconds'],
    ['0 */3 * * * *', '3 分ごと', 'Every 3 minutes'],
    ['0 0 9 * * 1-5', '平日 9:00', 'Weekdays at 9:00'],
  ])('%s reads "%s" / "%s"', (cron, japanese, english) => {
    expect(cronWords(cron, ja)).toBe(japanese);
    expect(cronWords(cron, en)).toBe(english);
  });

  it.each([
    '*/7 * * * *', // does not divide the hour: "every 7 minutes" would be wrong at :56 → :00
    '0 9 * 1 *',
    '0 9 1 * 1',
    '0 9-17 * * *',
    '0,30 * * * *',
    '15 0 9 * * *',
    '0 9 * *',
    'bogus',
    '0 25 * * *',
  ])('leaves %s as it is (null)', (cron) => {
    expect(cronWords(cron, ja)).toBeNull();
  });

  it('words every preset offered by the form', () => {
    expect(cronPresets.map((p) => cronWords(p.cron, ja))).toEqual(['毎時', '毎日 9:00', '平日 9:00', '3 分ごと']);
  });

  it('reads day-of-week fields', () => {
    expect(weekdays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(weekdays('SAT,SUN')).toEqual([0, 6]);
    expect(weekdays('5-7')).toEqual([0, 5, 6]);
    expect(weekdays('*/2')).toBeNull();
    expect(weekdays('5-1')).toBeNull();
  });

  it('counts cron fields', () => {
    expect(cronFieldCount('')).toBe(0);
    expect(cronFieldCount('  */3  * * * * ')).toBe(5);
    expect(cronFieldCount('0 0 9 * * 1-5')).toBe(6);
  });
});

describe('schedule text of a pilot', () => {
  it('is 「手動のみ」 without a cron, the words when there are some, else the cron, with a time zone other than Tokyo', () => {
    expect(scheduleText(null, ja)).toBe('手動のみ');
    expect(scheduleText({ cron: '  ', timeZone: 'Asia/Tokyo' }, ja)).toBe('手動のみ');
    expect(scheduleText({ cron: '*/3 * * * *', timeZone: 'Asia/Tokyo' }, ja)).toBe('3 分ごと');
    expect(scheduleText({ cron: '0 9-17 * * 1-5', timeZone: null }, ja)).toBe('0 9-17 * * 1-5');
    expect(scheduleText({ cron: '0 9 * * *', timeZone: 'Europe/London' }, ja)).toBe('毎日 9:00（Europe/London）');
    expect(scheduleText({ cron: '0 9 * * *', timeZone: 'Europe/London' }, en)).toBe('Daily at 9:00 (Europe/London)');
    expect(scheduleText(null, en)).toBe('Manual only');
  });

  it('gives the cycle length in days, hours and minutes', () => {
    expect(cycleLengthText(null, ja)).toBe('14 日');
    expect(cycleLengthText('2.12:30:00', ja)).toBe('2 日 12 時間 30 分');
    expect(cycleLengthText('00:05:00', ja)).toBe('5 分');
    expect(cycleLengthText('1.00:00:00', en)).toBe('1 day');
    expect(cycleLengthText('3.01:00:00', en)).toBe('3 days 1 hour');
  });
});

describe('next runs', () => {
  // Tuesday 2026-11-24 08:59 JST.
  const from = new Date('2026-11-23T23:59:00Z');

  it('are computed in the schedule’s time zone', () => {
    expect(nextRuns('0 9 * * 1-5', 'Asia/Tokyo', from, 3)?.map((d) => d.toISOString())).toEqual([
      '2026-11-24T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
    ]);
    expect(nextRuns('0 9 * * *', 'UTC', from, 1)?.map((d) => d.toISOString())).toEqual(['2026-11-24T09:00:00.000Z']);
    expect(nextRuns('*/3 * * * *', 'Asia/Tokyo', from, 2)?.map((d) => d.toISOString())).toEqual(['2026-11-24T00:00:00.000Z', '2026-11-24T00:03:00.000Z']);
  });

  it('take six fields as seconds first', () => {
    expect(nextRuns('*/20 * * * * *', 'Asia/Tokyo', from, 2)?.map((d) => d.toISOString())).toEqual(['2026-11-23T23:59:20.000Z', '2026-11-23T23:59:40.000Z']);
  });

  it('are null for an expression that cannot be read', () => {
    expect(nextRuns('61 * * * *', 'Asia/Tokyo', from, 1)).toBeNull();
    expect(nextRuns('* * * *', 'Asia/Tokyo', from, 1)).toBeNull();
    expect(nextRuns('0 0 0 1 1 * 2030', 'Asia/Tokyo', from, 1)).toBeNull();
  });
});
