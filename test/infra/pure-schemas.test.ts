import { describe, expect, it } from 'vitest';
import { pureSchemas } from '../../infra/pure-schemas.js';

const schemas = [
  'const _AD = "AccessDenied";',
  'import { TypeRegistry } from "@smithy/core/schema";',
  'const n0_registry = new TypeRegistry(n0);',
  'export var AccessDenied$ = [-3, n0, _AD,',
  '    { [_e]: _c, [_hE]: 403 },',
  '    [],',
  '    []',
  '];',
  'n0_registry.registerError(AccessDenied$, AccessDenied);',
  'var __Unit = "unit";',
  'export var GetObject$ = [9, n0, _GO,',
  '    { [_h]: ["GET", "/{Key+}?x-id=GetObject", 200] }, () => GetObjectRequest$, () => GetObjectOutput$',
  '];',
  '',
].join('\n');

describe('pureSchemas (infra/pure-schemas.ts)', () => {
  it('marks each schema array pure, whole, and leaves every other statement as it was', () => {
    expect(pureSchemas(schemas).split('\n')).toEqual([
      'const _AD = "AccessDenied";',
      'import { TypeRegistry } from "@smithy/core/schema";',
      'const n0_registry = new TypeRegistry(n0);',
      'export var AccessDenied$ = /* @__PURE__ */ (() => [-3, n0, _AD,',
      '    { [_e]: _c, [_hE]: 403 },',
      '    [],',
      '    []',
      '])();',
      'n0_registry.registerError(AccessDenied$, AccessDenied);',
      'var __Unit = "unit";',
      'export var GetObject$ = /* @__PURE__ */ (() => [9, n0, _GO,',
      '    { [_h]: ["GET", "/{Key+}?x-id=GetObject", 200] }, () => GetObjectRequest$, () => GetObjectOutput$',
      '])();',
      '',
    ]);
  });
});
