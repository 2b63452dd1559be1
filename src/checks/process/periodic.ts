// The periodic obligations of a referenced service (the renewal, the continuous evaluation report) are judged the
// same way: past their date they fail, within the process state's warning window they warn, otherwise they hold.
import type { DeadlineState } from '../../process/state.js';
import type { Outcome } from '../types.js';

export function periodicOutcome(state: DeadlineState): Outcome {
  return state === 'overdue' ? 'fail' : state === 'soon' ? 'warn' : 'pass';
}
