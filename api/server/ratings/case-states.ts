import type { components } from '../../../src/core/api/types.gen.ts';

/**
 * The states of a 差评 case and the steps between them (docs/decisions/070-rating-case-states.md):
 * 受理 accepted → 核实 verifying → 整改 rectifying → 回访 revisiting → 办结 closed, where 核实 may find nothing to
 * rectify (straight to 回访) and a resident who is not satisfied at the 回访 sends the case back to 整改; and, once,
 * before rectification starts, 申诉 appealed → 复核 reviewed: upheld (the rating stands and the case goes on from
 * where it was) or annulled (malicious or mistaken: the case ends and the rating leaves the figures).
 */
export type CaseState = components['schemas']['RatingCaseState'];
export type Verdict = components['schemas']['RatingVerdict'];
export type AppealOutcome = 'upheld' | 'annulled';
export type AnnulReason = 'malicious' | 'mistaken';

const FORWARD: Record<CaseState, readonly CaseState[]> = {
  accepted: ['verifying', 'appealed'],
  verifying: ['rectifying', 'revisiting', 'appealed'],
  rectifying: ['revisiting'],
  revisiting: ['closed', 'rectifying'],
  closed: [],
  appealed: ['reviewed'],
  reviewed: [],
};

/** What a case is, as far as its next steps go. */
export interface CaseStanding {
  state: CaseState;
  /** The state it was in when it was appealed (an appeal is allowed once), else null. */
  appealedFrom: CaseState | null;
  appealOutcome: AppealOutcome | null;
}

/** The states a case may move to now. */
export function nextStates(c: CaseStanding): CaseState[] {
  // An upheld appeal: the case goes on as from the state it was appealed in, without a second appeal.
  if (c.state === 'reviewed')
    return c.appealOutcome === 'upheld' && c.appealedFrom
      ? FORWARD[c.appealedFrom].filter((s) => s !== 'appealed')
      : [];
  const next = FORWARD[c.state];
  return c.appealedFrom ? next.filter((s) => s !== 'appealed') : [...next];
}

/** Whether the case is finished: closed, or annulled on appeal. */
export function isFinished(c: CaseStanding): boolean {
  return c.state === 'closed' || (c.state === 'reviewed' && c.appealOutcome === 'annulled');
}

/** 回访 may be recorded while the fix is under way or being called back on. */
export function mayRevisit(state: CaseState): boolean {
  return state === 'rectifying' || state === 'revisiting';
}

/**
 * The older, coarser vocabulary of `RatingFollowUp.status` and `history` (kept for clients written before `state`):
 * an appeal is not a stage there, so it shows the stage the case had reached.
 */
export const LEGACY_STATUS = {
  accepted: 'received',
  verifying: 'assigned',
  rectifying: 'rectifying',
  revisiting: 'revisited',
  closed: 'closed',
} as const satisfies Partial<Record<CaseState, components['schemas']['RatingFollowUpStatus']>>;

/** The words a resident's tracking view shows for a step the officer gave no reply with. */
export const PLAIN_STEP: Record<CaseState, string> = {
  accepted: '差评已受理',
  verifying: '正在核实情况',
  rectifying: '正在整改',
  revisiting: '正在回访',
  closed: '整改完成，差评办结',
  appealed: '被评价单位已提出申诉，正在复核',
  reviewed: '申诉复核已完成',
};
