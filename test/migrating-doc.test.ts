import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES } from '@k8s-lint/core';
import { renderMigratingTables, MIGRATING_TABLES_END, MIGRATING_TABLES_START } from '../packages/core/src/suppress/peer-checks-doc';
import { ANNOTATION_PEERS, PEER_CHECKS, PEERS } from '../packages/core/src/suppress/peer-checks';

const doc = readFileSync(path.join(__dirname, '..', 'docs', 'migrating.md'), 'utf8');
const schema = JSON.parse(readFileSync(path.join(__dirname, '..', 'packages', 'core', 'schema', 'config.schema.json'), 'utf8')) as {
  properties: { honorPeerAnnotations: { items: { enum: string[] } } };
};
const mapped = PEERS.flatMap((peer) => Object.entries(PEER_CHECKS[peer]).map(([check, mapping]) => ({ peer, check, mapping })));

describe('docs/migrating.md and the peer check table (packages/core/src/suppress/peer-checks.ts)', () => {
  test('the generated tables are the table: run `pnpm build && node scripts/generate-migrating-doc.js` when this fails', () => {
    const generated = doc.slice(doc.indexOf(MIGRATING_TABLES_START), doc.indexOf(MIGRATING_TABLES_END) + MIGRATING_TABLES_END.length);
    expect(generated).toBe(renderMigratingTables());
  });

  test('every mapped rule exists, and a rule that is off by default says so', () => {
    const byId = new Map(BUILTIN_RULES.map((rule) => [rule.meta.id, rule.meta]));
    for (const { peer, check, mapping } of mapped) {
      if (!('rules' in mapping)) continue;
      expect(mapping.rules.length).toBeGreaterThan(0);
      for (const id of mapping.rules) {
        expect({ peer, check, id, known: byId.has(id) }).toEqual({ peer, check, id, known: true });
        const off = byId.get(id)?.enabledByDefault === false;
        expect({ peer, check, id, saysOff: mapping.note?.includes('off by default') ?? false }).toEqual({ peer, check, id, saysOff: off });
      }
    }
  });

  test('every check that is not mapped gives its reason', () => {
    for (const { peer, check, mapping } of mapped) {
      const reason = 'gap' in mapping ? mapping.gap : 'outOfScope' in mapping ? mapping.outOfScope : 'byDesign' in mapping ? mapping.byDesign : null;
      if (reason !== null) expect({ peer, check, reason: reason.length > 10 }).toEqual({ peer, check, reason: true });
    }
  });

  test('honorPeerAnnotations names exactly the peers whose annotations are read', () => {
    expect(schema.properties.honorPeerAnnotations.items.enum).toEqual([...ANNOTATION_PEERS]);
    expect(doc).toContain('honorPeerAnnotations: [kube-linter, polaris]');
  });
});
