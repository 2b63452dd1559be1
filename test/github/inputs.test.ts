// The action's inputs: empty means unset, defaults are applied in code, and every bad value is reported at once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { inputLang, readInput, readInputs } from '../../src/github/inputs.js';

const base = { GITHUB_WORKSPACE: '/checkout', RUNNER_TEMP: '/runner/temp' };

function errorsOf(env: Record<string, string>): string[] {
  try {
    readInputs({ ...base, ...env });
  } catch (error) {
    if (error instanceof UserError)
      return error.all().map((e) => `${e.key} ${String(e.params.input ?? e.params.variable)}`);
    throw error;
  }
  return [];
}

describe('readInputs', () => {
  it('applies the defaults when inputs are absent or empty', () => {
    for (const env of [
      base,
      { ...base, 'INPUT_FAIL-ON': '', INPUT_COMMENT: '  ', 'INPUT_UPLOAD-ARTIFACT': '' },
    ]) {
      const inputs = readInputs(env);
      expect(inputs).toMatchObject({
        lang: 'fr',
        workspace: '/checkout',
        repoDir: '/checkout',
        comment: 'always',
        failOn: 'obligatoire',
        failOnGiven: false,
        uploadArtifact: true,
        artifactName: 'mes-referencing-dossier',
        reportDir: path.join('/runner/temp', 'mes-report'),
        sarifFile: path.join('/runner/temp', 'mes-report', 'report.sarif'),
        header: '',
        offline: false,
      });
      expect(inputs.manifest).toBeUndefined();
      expect(inputs.retentionDays).toBeUndefined();
      expect(inputs.pullRequest).toBeUndefined();
    }
  });

  it('resolves paths against the checkout and keeps instances apart by header', () => {
    const inputs = readInputs({
      ...base,
      'INPUT_WORKING-DIRECTORY': 'services/tensio',
      'INPUT_SARIF-FILE': 'results/mes.sarif',
      INPUT_HEADER: 'recette',
      'INPUT_RETENTION-DAYS': '7',
      'INPUT_PULL-REQUEST': '42',
      'INPUT_FAIL-ON': 'tout',
      'INPUT_UPLOAD-ARTIFACT': 'False',
    });
    expect(inputs).toMatchObject({
      repoDir: '/checkout/services/tensio',
      sarifFile: '/checkout/results/mes.sarif',
      reportDir: path.join('/runner/temp', 'mes-report-recette'),
      artifactName: 'mes-referencing-dossier-recette',
      retentionDays: 7,
      pullRequest: 42,
      failOn: 'tout',
      failOnGiven: true,
      uploadArtifact: false,
    });
  });

  it('reports every bad input in one pass', () => {
    expect(
      errorsOf({
        'INPUT_FAIL-ON': 'parfois',
        INPUT_COMMENT: 'toujours',
        'INPUT_UPLOAD-ARTIFACT': 'oui',
        'INPUT_RETENTION-DAYS': '-3',
        'INPUT_ARTIFACT-NAME': 'dossier:final',
        INPUT_LANG: 'de',
        MES_REFERENCING_TODAY: '01/10/2026',
      }),
    ).toEqual([
      'github.input.choice lang',
      'github.input.choice fail-on',
      'github.input.choice comment',
      'github.input.artifact-name artifact-name',
      'github.today.bad-date MES_REFERENCING_TODAY',
      'github.input.boolean upload-artifact',
      'github.input.positive retention-days',
    ]);
  });

  it('reads a fixed reference date at noon UTC', () => {
    expect(readInputs({ ...base, MES_REFERENCING_TODAY: '2026-10-01' }).now.toISOString()).toBe(
      '2026-10-01T12:00:00.000Z',
    );
  });

  it('names inputs as the runner does: upper case, hyphens kept, spaces as underscores', () => {
    expect(readInput({ 'INPUT_GITHUB-TOKEN': ' t0ken ' }, 'github-token')).toBe('t0ken');
    expect(readInput({ INPUT_MY_INPUT: 'x' }, 'my input')).toBe('x');
    expect(inputLang({ INPUT_LANG: 'en' })).toBe('en');
    expect(inputLang({ INPUT_LANG: 'de' })).toBe('fr');
  });
});
