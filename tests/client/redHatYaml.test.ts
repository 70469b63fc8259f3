import * as assert from 'node:assert/strict';
import { withoutSyntaxErrors } from '../../client/src/redHatYaml';

describe('alongside Red Hat’s YAML extension', () => {
  it('drops only eqplan’s yaml-syntax diagnostics, whether the code is plain or carries a docs link', () => {
    const diagnostics = [
      { code: 'yaml-syntax', message: 'a' },
      { code: { value: 'yaml-syntax', target: 'https://example.org' }, message: 'b' },
      { code: { value: 'overdue', target: 'https://example.org' }, message: 'c' },
      { code: 'schema', message: 'd' },
      { message: 'e' },
    ];
    assert.deepEqual(withoutSyntaxErrors(diagnostics).map((d) => d.message), ['c', 'd', 'e']);
  });
});
