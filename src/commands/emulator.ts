// `mes-referencing emulator`: runs the embedded MES sandbox emulator until SIGINT/SIGTERM. The first stdout line is
// the FHIR base URL (for scripts); the rest of what a person needs (token URL, test client, certificates) goes to
// stderr, and optionally to a JSON credentials file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { logText } from '../escape/log.js';
import { MISBEHAVIOURS, packageProfileValidator, startEmulator } from '../emulator/index.js';
import { loadScript } from '../emulator/script.js';
import type { FaultOptions, Misbehaviour } from '../emulator/index.js';
import { engineOptionsFromEnv } from './environment.js';
import type { Command } from './command.js';
import { parseOptions } from './command.js';
import { closest } from '../util/suggest.js';

const OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

export const emulatorCommand: Command = {
  async run(argv, { t }) {
    const { values } = parseOptions(argv, {
      host: { type: 'string' },
      port: { type: 'string', short: 'p' },
      tls: { type: 'boolean' },
      mtls: { type: 'boolean' },
      'editor-oid': { type: 'string' },
      'solution-oid': { type: 'string' },
      'credentials-file': { type: 'string' },
      'ready-file': { type: 'string' },
      record: { type: 'string' },
      script: { type: 'string' },
      patient: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'unavailable-rate': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'retry-after': { type: 'string' },
      'reset-rate': { type: 'string' },
      'fail-first': { type: 'string' },
      seed: { type: 'string' },
      misbehave: { type: 'string' },
      'max-body': { type: 'string' },
      lang: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${t('cli.emulator.help')}\n`);
      return 0;
    }
    const number = (option: string, value: string | undefined, max: number, integer = false) => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n)))
        throw new UserError('cli.bad-number', { option, value, max });
      return n;
    };
    const rate = (option: string, value: string | undefined) => number(option, value, 1);
    for (const option of ['editor-oid', 'solution-oid'] as const) {
      const value = values[option];
      if (value !== undefined && !OID.test(value))
        throw new UserError('cli.bad-oid', { option: `--${option}`, value });
    }
    const misbehave = (values.misbehave ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    for (const m of misbehave) {
      if (!(MISBEHAVIOURS as readonly string[]).includes(m))
        throw new UserError('cli.bad-choice', {
          option: '--misbehave',
          value: m,
          allowed: MISBEHAVIOURS.join(' | '),
          suggestion: closest(m, MISBEHAVIOURS) ?? MISBEHAVIOURS.join(', '),
        });
    }
    const faults: FaultOptions = {};
    const set = <K extends keyof FaultOptions>(key: K, value: FaultOptions[K] | undefined) => {
      if (value !== undefined) faults[key] = value;
    };
    set('latencyMs', number('--latency', values.latency, 600_000, true));
    set('error500Rate', rate('--error-rate', values['error-rate']));
    set('error503Rate', rate('--unavailable-rate', values['unavailable-rate']));
    set('throttleRate', rate('--throttle-rate', values['throttle-rate']));
    set('retryAfterSeconds', number('--retry-after', values['retry-after'], 3600, true));
    set('resetRate', rate('--reset-rate', values['reset-rate']));
    set('failFirst', number('--fail-first', values['fail-first'], 1_000_000, true));
    set('seed', number('--seed', values.seed, 2 ** 32, true));
    const port = number('--port', values.port ?? '0', 65535, true) ?? 0;
    const maxBody = number('--max-body', values['max-body'], 1024 * 1024 * 1024, true);

    const script = values.script ? loadScript(path.resolve(values.script), values.script) : undefined;
    if (values.patient !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(values.patient))
      throw new UserError('cli.bad-choice', {
        option: '--patient',
        value: values.patient,
        allowed: '[A-Za-z0-9._-]{1,64}',
        suggestion: 'idpe-test-1',
      });
    const log = values.quiet
      ? undefined
      : (line: string) => process.stderr.write(`[emulator] ${logText(line)}\n`);
    let emulator;
    try {
      emulator = await startEmulator({
        host: values.host ?? '127.0.0.1',
        port,
        tls: values.tls === true,
        mtls: values.mtls === true,
        ...(values['editor-oid'] ? { editorOid: values['editor-oid'] } : {}),
        ...(values['solution-oid'] ? { solutionOid: values['solution-oid'] } : {}),
        faults,
        misbehave: misbehave as Misbehaviour[],
        ...(maxBody !== undefined ? { maxBodyBytes: maxBody } : {}),
        ...(log ? { log } : {}),
        ...(values.record ? { recordFile: path.resolve(values.record) } : {}),
        ...(script ? { script } : {}),
        ...(values.patient ? { defaultPatient: values.patient } : {}),
        validateProfile: packageProfileValidator(engineOptionsFromEnv(process.env), undefined, (missing) =>
          process.stderr.write(`${t('cli.emulator.profiles-unchecked', { packages: missing.join(', ') })}\n`),
        ),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
        throw new UserError('cli.emulator.listen', { host: values.host ?? '127.0.0.1', port, reason: code });
      throw error;
    }
    const credentials = {
      fhirBase: emulator.fhirBase,
      tokenUrl: emulator.tokenUrl,
      authorizeUrl: emulator.authorizeUrl,
      clientId: emulator.credentials.clientId,
      clientSecret: emulator.credentials.clientSecret,
      adminToken: emulator.adminToken,
      privateKeyPem: emulator.credentials.privateKeyPem,
      idTokenHeader: emulator.idTokenHeader,
      editorOid: emulator.editorOid,
      solutionOid: emulator.solutionOid,
      ...(emulator.certificates
        ? {
            ca: emulator.certificates.ca,
            clientCert: emulator.certificates.client.cert,
            clientKey: emulator.certificates.client.key,
          }
        : {}),
    };
    if (values['credentials-file']) writePrivate(values['credentials-file'], credentials);
    if (values['ready-file']) {
      // Test patients already paired (their id_token), so a test needs no pairing flow unless it tests it.
      const idpes = [emulator.defaultPatient, ...(script?.patients ?? []).map((p) => p.idpe)];
      const patients = [];
      for (const idpe of [...new Set(idpes)]) {
        const declared = script?.patients.find((p) => p.idpe === idpe);
        patients.push({
          idpe,
          idToken: await emulator.mintIdToken(idpe),
          consent: declared?.consent !== false && declared?.pairing !== 'revoked',
          ...(declared?.pairing ? { pairing: declared.pairing } : {}),
        });
      }
      writePrivate(values['ready-file'], {
        ...credentials,
        origin: emulator.origin,
        adminUrl: `${emulator.origin}/_admin`,
        idpeSystem: 'urn:oid:1.2.840.10004.1.1.1.0.0.1.0.0.1.2560',
        patients,
        ...(emulator.recording ? { recording: emulator.recording.file } : {}),
        ...(script ? { script: script.name } : {}),
        pid: process.pid,
      });
    }
    const host = values.host ?? '127.0.0.1';
    if (!['127.0.0.1', '::1', 'localhost'].includes(host.replace(/^\[(.*)\]$/, '$1')))
      process.stderr.write(`${t('cli.emulator.exposed', { host })}\n`);
    // The URL last: a script that waits for it finds the credentials file already written.
    process.stdout.write(`${emulator.fhirBase}\n`);
    if (!values.quiet) {
      process.stderr.write(
        `${t('cli.emulator.ready', {
          fhir: emulator.fhirBase,
          token: emulator.tokenUrl,
          client: emulator.credentials.clientId,
          admin: `${emulator.origin}/_admin`,
          header: emulator.idTokenHeader,
          oid: emulator.solutionOid,
        })}\n`,
      );
      if (values['credentials-file'])
        process.stderr.write(`${t('cli.emulator.credentials', { file: values['credentials-file'] })}\n`);
      if (values['ready-file'])
        process.stderr.write(`${t('cli.emulator.ready-file', { file: values['ready-file'] })}\n`);
      if (emulator.recording)
        process.stderr.write(`${t('cli.emulator.recording', { file: values.record ?? '' })}\n`);
    }
    // Runs until a signal; then closes every connection and exits cleanly.
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void emulator.stop().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    if (!values.quiet)
      process.stderr.write(
        `${t('cli.emulator.stopped')}${emulator.recording ? ` ${t('cli.emulator.recorded', { count: emulator.recording.count(), file: values.record ?? '' })}` : ''}\n`,
      );
    return 0;
  },
};

/**
 * Writes a JSON file readable by its owner only, atomically: a CI step waiting for the file never reads it
 * half-written.
 */
function writePrivate(target: string, value: unknown): void {
  const file = path.resolve(target);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
