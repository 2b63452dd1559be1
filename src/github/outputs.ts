// The step outputs, as action.yml declares them. Only known values are set: an unset output reads as ''.
import * as core from '@actions/core';

export const OUTPUT_NAMES = [
  'result',
  'blocking-count',
  'unverified-count',
  'failed-count',
  'report-json',
  'sarif-file',
  'comment-id',
  'comment-url',
  'artifact-id',
  'artifact-url',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export function setOutputs(values: Partial<Record<OutputName, string | number | undefined>>): void {
  for (const name of OUTPUT_NAMES) {
    const value = values[name];
    if (value !== undefined) core.setOutput(name, String(value));
  }
}
