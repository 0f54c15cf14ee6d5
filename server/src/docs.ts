// Where a check's documentation page lives: docs/checks/<id>.md, shipped with
// the extension and the npm package next to dist/, where the bundles run from.

import * as path from 'path';
import { pathToFileURL } from 'url';

export function checkDocPath(id: string): string {
  return path.resolve(__dirname, '..', 'docs', 'checks', `${id}.md`);
}

export function checkDocUri(id: string): string {
  return pathToFileURL(checkDocPath(id)).href;
}
