// The scripts a page loads, read with a real HTML parser (not a regular expression), so that a commented-out
// tag or a `src` inside an attribute value is not taken for a script.
import { Parser } from 'htmlparser2';

export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' && attributes.src) sources.push(attributes.src);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return sources;
}
