// The trust boundary of a pull-request run. The manifest in a pull request is the author's to write; the settings
// that choose where the run connects and which secrets it reads are not: in a pull-request run they come from the
// manifest of the base branch (what was reviewed and merged), or from the workflow's inputs. A change the pull
// request proposes to them is shown for review and takes effect once merged. Settings the base does not have at all
// (a manifest new in the pull request, endpoints declared for the first time) leave the checks that need them
// `indisponible`, with that reason, rather than running them somewhere the reviewer never approved.
import { isDeepStrictEqual } from 'node:util';
import type { Manifest } from './types.js';

/** The checks a group of settings steers: endpoint checks, hooking tests, FHIR package loading. */
export type TrustGroup = 'endpoints' | 'sandbox' | 'fhir-packages';
export const TRUST_GROUPS: readonly TrustGroup[] = ['endpoints', 'sandbox', 'fhir-packages'];

interface TrustedSetting {
  path: readonly string[];
  group: TrustGroup;
  /** The setting that says where the group's checks connect: when the base has none, they cannot run. */
  decisive?: boolean;
}

/** Every manifest setting that chooses a destination, a credential, or a file outside the repository. */
export const TRUSTED_SETTINGS: readonly TrustedSetting[] = [
  { path: ['endpoints'], group: 'endpoints', decisive: true },
  { path: ['sandbox', 'target'], group: 'sandbox', decisive: true },
  { path: ['sandbox', 'token-url'], group: 'sandbox' },
  { path: ['sandbox', 'auth'], group: 'sandbox' },
  { path: ['sandbox', 'mtls'], group: 'sandbox' },
  { path: ['sandbox', 'headers-env'], group: 'sandbox' },
  { path: ['sandbox', 'patient', 'idpe-env'], group: 'sandbox' },
  { path: ['sandbox', 'patient', 'without-consent', 'idpe-env'], group: 'sandbox' },
  { path: ['sandbox', 'patient', 'without-consent', 'id-token-env'], group: 'sandbox' },
  { path: ['fhir', 'packages'], group: 'fhir-packages', decisive: true },
];

/** The base branch's manifest as the caller could read it. */
export type BaseManifest =
  | { status: 'found'; manifest: Manifest; ref: string }
  | { status: 'absent'; ref: string }
  | { status: 'unreadable' | 'invalid'; ref: string; detail: string };

export interface SettingChange {
  /** Dotted path in the manifest, e.g. `sandbox.target`. */
  setting: string;
  group: TrustGroup;
  /** The base branch's value, as YAML-like text; absent when the base has none. */
  base?: string;
  /** The pull request's value; absent when it removes the setting. */
  proposed?: string;
}

export interface TrustDecision {
  base: BaseManifest['status'];
  /** The base commit or branch the trusted values were read from. */
  ref: string;
  detail?: string;
  changes: SettingChange[];
  /** Groups whose checks cannot run until the change is merged. */
  pending: TrustGroup[];
}

export interface TrustOptions {
  /** The workflow gives the sandbox target itself (`sandbox-target`): the manifest's is not used. */
  workflowSandboxTarget?: boolean;
}

/** The manifest the checks run with, and what was set aside. */
export function applyTrust(
  head: Manifest,
  base: BaseManifest,
  options: TrustOptions = {},
): { manifest: Manifest; decision: TrustDecision } {
  const trusted = base.status === 'found' ? base.manifest : undefined;
  const effective = structuredClone(head);
  const changes: SettingChange[] = [];
  const pending = new Set<TrustGroup>();
  for (const setting of TRUSTED_SETTINGS) {
    const proposed = normalised(setting, valueAt(head, setting.path));
    const kept = normalised(setting, trusted ? valueAt(trusted, setting.path) : undefined);
    if (isDeepStrictEqual(proposed, kept)) continue;
    setValueAt(effective, setting.path, kept);
    changes.push({
      setting: setting.path.join('.'),
      group: setting.group,
      ...(kept !== undefined ? { base: display(kept) } : {}),
      ...(proposed !== undefined ? { proposed: display(proposed) } : {}),
    });
    // Without the setting, a base manifest still says where to go for the sandbox (the emulator) and the packages
    // (the domain's defaults), not for endpoints; without any base manifest, nothing was ever approved.
    const defaulted = trusted !== undefined && setting.group !== 'endpoints';
    const fromWorkflow = setting.group === 'sandbox' && options.workflowSandboxTarget === true;
    if (setting.decisive && kept === undefined && proposed !== undefined && !defaulted && !fromWorkflow)
      pending.add(setting.group);
  }
  return {
    manifest: effective,
    decision: {
      base: base.status,
      ref: base.ref,
      ...('detail' in base ? { detail: base.detail } : {}),
      changes,
      pending: TRUST_GROUPS.filter((g) => pending.has(g)),
    },
  };
}

/** `emulator` is the default target: writing it or not is the same setting. */
function normalised(setting: TrustedSetting, value: unknown): unknown {
  if (setting.path.join('.') === 'sandbox.target' && value === 'emulator') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (value && typeof value === 'object' && Object.keys(value).length === 0) return undefined;
  return value;
}

function valueAt(manifest: Manifest, path: readonly string[]): unknown {
  let node: unknown = manifest;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setValueAt(manifest: Manifest, path: readonly string[], value: unknown): void {
  let node = manifest as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

/** A value as a reviewer reads it: JSON, cut at a reasonable length. */
function display(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
