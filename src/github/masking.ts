// The action's own output streams pass every secret through the redactor, so that even a library's debug line
// echoing a server's answer cannot print a token. `::add-mask::` commands are left intact (they are how the runner
// learns what to mask) and are learnt from: a value a library masks itself (a signed URL's signature) is then
// redacted from our output too, as the runner would do.
import type { Redactor } from '../secrets.js';

const MASK_COMMAND = '::add-mask::';

/** Undoes @actions/core's escaping of command data. */
function commandValue(line: string): string {
  return line
    .slice(MASK_COMMAND.length)
    .replace(/\r?\n$/, '')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

export function redactStream(stream: NodeJS.WriteStream, secrets: Redactor): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return write(chunk, ...rest);
    if (!chunk.startsWith(MASK_COMMAND)) return write(secrets.redact(chunk), ...rest);
    const written = write(chunk, ...rest);
    secrets.add(commandValue(chunk));
    return written;
  }) as typeof stream.write;
}
