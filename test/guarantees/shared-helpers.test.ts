/**
 * Guarantee: an object is named the same way in every output format (`Pod shop/web`, and
 * `<unnamed>` when `metadata.name` is missing, SARIF included), and a rule's help reads the same
 * in `k8s-lint explain` as in the SARIF `help.text` GitHub shows: one describer and one
 * Markdown-to-text in core serve them all. Run through the committed bundle.
 */
import { BUNDLE, REPO_ROOT, lint, tempDir, writeTree } from './helpers';

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; help: { text: string; markdown: string } }> } };
    results: Array<{
      ruleId: string;
      locations: Array<{
        physicalLocation: { region: { startLine: number; startColumn: number } };
        logicalLocations?: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
      }>;
    }>;
  }>;
}

const PODS = `apiVersion: v1
kind: Pod
metadata:
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:latest
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:latest
`;

describe('objects are described once, the same way in every format', () => {
  const root = writeTree(tempDir('describe'), { 'pods.yaml': PODS });
  const report = (format: string): string => {
    const run = lint(['pods.yaml', '-f', format], { cwd: root, entry: BUNDLE });
    expect(run.status).toBe(1);
    return run.stdout;
  };

  test('stylish names the unnamed Pod at 8:7 and the named one at 18:7', () => {
    const lines = report('stylish').split('\n');
    const under = (position: string): string | undefined => lines[lines.findIndex((line) => line.startsWith(`  ${position}`) && line.endsWith('image-latest-tag')) + 2];
    expect(under('8:7 ')?.trim()).toBe('Pod shop/<unnamed> › spec.containers[0].image');
    expect(under('18:7')?.trim()).toBe('Pod shop/web › spec.containers[0].image');
  });

  test('github annotations and junit test cases say the same', () => {
    const github = report('github');
    expect(github).toContain('file=pods.yaml,line=8,endLine=8,col=7,endColumn=26,title=k8s-lint%3A image-latest-tag::image "nginx:latest" of container "app" uses the latest tag (Pod shop/<unnamed> › spec.containers[0].image)\n');
    expect(github).toContain('file=pods.yaml,line=18,endLine=18,col=7,endColumn=26,title=k8s-lint%3A image-latest-tag::image "nginx:latest" of container "app" uses the latest tag (Pod shop/web › spec.containers[0].image)\n');
    const junit = report('junit');
    expect(junit).toContain('<testcase classname="pods.yaml" name="image-latest-tag: Pod shop/&lt;unnamed&gt; › spec.containers[0].image">');
    expect(junit).toContain('pods.yaml:8:7: warning: image');
    expect(junit).toContain('<testcase classname="pods.yaml" name="image-latest-tag: Pod shop/web › spec.containers[0].image">');
  });

  test('SARIF logical locations name the unnamed object <unnamed> instead of dropping the name', () => {
    const results = (JSON.parse(report('sarif')) as SarifLog).runs[0]?.results.filter((result) => result.ruleId === 'image-latest-tag') ?? [];
    expect(results.map((result) => [result.locations[0]?.physicalLocation.region, result.locations[0]?.logicalLocations])).toEqual([
      [{ startLine: 8, startColumn: 7, endLine: 8, endColumn: 26 }, [{ name: '<unnamed>', fullyQualifiedName: 'shop/Pod/<unnamed>', kind: 'object' }]],
      [{ startLine: 18, startColumn: 7, endLine: 18, endColumn: 26 }, [{ name: 'web', fullyQualifiedName: 'shop/Pod/web', kind: 'object' }]],
    ]);
  });
});

describe('rule help is turned into text once', () => {
  test('explain shows, for every rule of a run, the help text its SARIF descriptor carries', () => {
    const sarif = lint(['examples/', '-f', 'sarif'], { cwd: REPO_ROOT, entry: BUNDLE });
    const rules = (JSON.parse(sarif.stdout) as SarifLog).runs[0]?.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThan(40);
    // Away from any .k8s-lint.yaml.
    const elsewhere = tempDir('explain');
    let fenced = 0;
    for (const rule of rules) {
      // help.text is the help, then the references SARIF appends.
      const body = rule.help.text.split('\n\nReferences:\n')[0] ?? '';
      expect(body).not.toContain('```');
      if (rule.help.markdown.includes('```')) {
        fenced++;
        expect(body).toMatch(/\n {4}\S/);
      }
      const explain = lint(['explain', rule.id], { cwd: elsewhere, entry: BUNDLE });
      // The pss/ rules' description already ends with the help's first sentence: explain shows it once (there).
      const shown = rule.id.startsWith('pss/') ? body.replace(/^[^]*?\.(\s|$)/, '').trimStart() : body;
      expect({ id: rule.id, status: explain.status, hasHelp: explain.stdout.includes(`${shown}\n\n`) && shown.length > 40 }).toEqual({ id: rule.id, status: 0, hasHelp: true });
    }
    expect(fenced).toBeGreaterThan(10);
  }, 180_000);
});
