// The action's own output streams pass every registered secret through the redactor, so that even a library's
// debug line echoing a server's answer cannot print a token. `::add-mask::` commands are left intact: they are
// how the runner learns what to mask in the logs.
import type { Redactor } from '../secrets.js';

export function redactStream(stream: NodeJS.WriteStream, secrets: Redactor): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' || chunk.startsWith('::add-mask::')) return write(chunk, ...rest);
    return write(secrets.redact(chunk), ...rest);
  }) as typeof stream.write;
}
