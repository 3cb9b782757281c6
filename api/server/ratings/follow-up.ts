import { randomInt } from 'node:crypto';
import { addWorkingDays, instantAt, isoLocal, localTime } from '../clock.ts';
import type { FollowUpStage, FollowUpStatus } from '../payloads.ts';


// No 0/O or 1/I: the code is read out over the phone. 32 letters and digits, so each carries 5 bits.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A tracking code: the day, then 16 random characters (80 bits) in groups of four, `HC20261123-7F3K-9QMA-2XWD-PLR8`.
 * Nobody can find other residents' follow-ups by trying codes (and a lookup also needs the case id).
 */
export function trackingCode(createdAt: Date): string {
  const day = localTime(createdAt).date.replaceAll('-', '');
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    groups.push(group);
  }
  return `HC${day}-${groups.join('-')}`;
}

/** Codes as issued now, and the four-character ones issued before (still looked up, with their case id). */
export const TRACKING_CODE = /^HC[0-9]{8}(-[0-9A-Z]{4}){1,4}$/;

/**
 * The follow-up of a bad rating as a schedule: received at once, assigned to the department within two hours,
 * rectified from the next working day, the resident called back two working days before the deadline, closed
 * on the deadline. Reading it at a time shows the stages reached by then, so its status advances with the clock.
 */
export function followUpPlan(createdAt: Date, workingDays: number, department: string, contactable: boolean) {
  const today = localTime(createdAt).date;
  const dueBy = addWorkingDays(today, workingDays);
  const at = (date: string, hh: number, mm = 0) => instantAt(date, hh * 60 + mm);
  const stages: { status: FollowUpStatus; at: Date; note: string }[] = [
    { status: 'received', at: createdAt, note: `差评已受理，将在 ${workingDays} 个工作日内整改反馈` },
    { status: 'assigned', at: new Date(createdAt.getTime() + 2 * 3600_000), note: `已转${department}办理` },
    { status: 'rectifying', at: at(addWorkingDays(today, 1), 9, 30), note: `${department}已核实情况，正在整改` },
    {
      status: 'revisited',
      at: at(addWorkingDays(today, Math.max(2, workingDays - 2)), 15),
      note: contactable ? '已电话回访评价人，告知整改情况' : '已通过评价渠道向评价人反馈整改情况',
    },
    { status: 'closed', at: at(dueBy, 17), note: '整改完成，差评办结' },
  ];
  // Keep the schedule in order even for very short deadlines.
  for (let i = 1; i < stages.length; i += 1) {
    if (stages[i]!.at <= stages[i - 1]!.at) stages[i]!.at = new Date(stages[i - 1]!.at.getTime() + 60_000);
  }
  return { dueBy, stages: stages.map((s) => ({ status: s.status, at: isoLocal(s.at), note: s.note, atMs: s.at.getTime() })) };
}

/** The stages reached by `now`. */
export function stagesReached(plan: { status: FollowUpStatus; at: string; note: string; atMs: number }[], now: Date): FollowUpStage[] {
  const reached = plan.filter((s) => s.atMs <= now.getTime());
  return (reached.length ? reached : plan.slice(0, 1)).map(({ status, at, note }) => ({ status, at, note }));
}
