/**
 * Generated Kubernetes manifests for the property tests: fast-check arbitraries that build
 * objects as plain values, and a renderer that writes them as YAML in many equivalent spellings
 * (block and flow collections, indentation widths, quoted and plain keys and scalars, YAML 1.1
 * booleans, comments, anchors and aliases, CRLF, `---`), so that a test knows both the object and
 * every byte of its text.
 */
import fc from 'fast-check';

/** A YAML value as the engine decodes it (YAML 1.1: `yes` is true). */
export type Yaml = string | number | boolean | null | readonly Yaml[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: Yaml;
}

export function isMap(value: Yaml | undefined): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSeq(value: Yaml | undefined): value is readonly Yaml[] {
  return Array.isArray(value);
}

/** How a file is spelled. Per-node choices come from a PRNG seeded with `seed`, so a style renders any value deterministically. */
export interface Style {
  seed: number;
  /** Indentation width of nested block collections (1 to 4). */
  indent: number;
  /** Each block collection picks its own width instead of `indent`. */
  varyIndent: boolean;
  /** Chance that a non-empty collection below the document root is written in flow style. */
  flow: number;
  /** Chance that a flow collection breaks its entries over lines. */
  multilineFlow: number;
  /** Chance of a comment line before an entry, and of a comment after a scalar. */
  comments: number;
  /** Chance that a key (or a string that could be plain) is quoted. */
  quotes: number;
  /** Chance that a block sequence under a key is not indented (`key:\n- a`). */
  indentlessSeq: number;
  /** Chance that a map in a block sequence starts on the dash's line (`- name: a`). */
  compactSeq: number;
  /** Line break: LF or CRLF. */
  crlf: boolean;
  /** `---` before the first document too. */
  explicitStart: boolean;
  /** Chance that a collection gets an anchor, and that a later equal one is written as its alias. */
  aliases: number;
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  seed: fc.integer(),
  indent: fc.integer({ min: 1, max: 4 }),
  varyIndent: fc.boolean(),
  flow: fc.constantFrom(0, 0, 0.2, 0.5, 1),
  multilineFlow: fc.constantFrom(0, 0.5),
  comments: fc.constantFrom(0, 0.1, 0.4),
  quotes: fc.constantFrom(0, 0.3, 1),
  indentlessSeq: fc.constantFrom(0, 0.5, 1),
  compactSeq: fc.constantFrom(0.5, 1),
  crlf: fc.boolean(),
  explicitStart: fc.boolean(),
  aliases: fc.constantFrom(0, 0, 0.5, 1),
});

/** mulberry32: a small deterministic PRNG, so that a style renders the same value the same way every time. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words that YAML 1.1 reads as booleans or null when plain.
const YAML11_WORDS = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@-]*(?::[A-Za-z0-9_./@-]+)*$/;

export function canBePlain(text: string): boolean {
  return PLAIN.test(text) && !YAML11_WORDS.test(text);
}

/** Every way the renderer may spell a string scalar or key: what the text at its position starts with. */
export function spellings(text: string): string[] {
  return [text, JSON.stringify(text), `'${text.replace(/'/g, "''")}'`];
}

const COMMENT_WORDS = ['note', 'TODO', 'keep', 'see ticket 42', 'äöü', '—', '# nested', 'key: value', '- item', '{ not: yaml }'];

class Renderer {
  private readonly random: () => number;
  readonly lines: string[] = [];
  /** Anchors of the current document, by the JSON of the collection they name. */
  private anchors = new Map<string, string>();
  private anchorCount = 0;

  constructor(private readonly style: Style) {
    this.random = prng(style.seed);
  }

  private chance(p: number): boolean {
    return p > 0 && this.random() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private width(): number {
    return this.style.varyIndent ? 1 + Math.floor(this.random() * 4) : this.style.indent;
  }

  private comment(): string {
    return `# ${this.pick(COMMENT_WORDS)}`;
  }

  private trailing(): string {
    return this.chance(this.style.comments) ? ` ${this.comment()}` : '';
  }

  private commentLine(indent: number): void {
    if (this.chance(this.style.comments)) this.lines.push(`${' '.repeat(Math.floor(this.random() * (indent + 1)))}${this.comment()}`);
  }

  key(key: string): string {
    if (canBePlain(key) && !this.chance(this.style.quotes)) return key;
    return this.chance(0.5) ? JSON.stringify(key) : `'${key.replace(/'/g, "''")}'`;
  }

  scalar(value: string | number | boolean | null, inFlow: boolean): string {
    if (value === null) return this.pick(inFlow ? ['null', '~', 'Null'] : ['null', '~', 'Null', 'NULL']);
    if (typeof value === 'boolean') return this.pick(value ? ['true', 'True', 'yes', 'on', 'Y'] : ['false', 'FALSE', 'no', 'off', 'n']);
    if (typeof value === 'number') return String(value);
    return this.key(value);
  }

  document(value: Yaml): void {
    this.anchors = new Map();
    if (isMap(value) && Object.keys(value).length > 0) this.blockMap(value, 0, null);
    else if (isSeq(value) && value.length > 0) this.blockSeq(value, 0);
    else this.lines.push(isMap(value) || isSeq(value) ? this.flowOf(value, 0) : this.scalar(value, false));
  }

  /** Entries at column `indent`; the first on `lead` (a sequence dash, as long as `indent`) when given. */
  private blockMap(map: YamlMap, indent: number, lead: string | null): void {
    Object.entries(map).forEach(([key, value], index) => {
      const first = index === 0 && lead !== null;
      if (!first) this.commentLine(indent);
      const prefix = first ? lead : ' '.repeat(indent);
      const head = `${prefix}${this.key(key)}:`;
      if (!isMap(value) && !isSeq(value)) {
        // An empty value is null, but only in a block map.
        if (value === null && this.chance(0.3)) this.lines.push(`${head}${this.trailing()}`);
        else this.lines.push(`${head} ${this.scalar(value, false)}${this.trailing()}`);
      } else if (this.isEmpty(value)) {
        this.lines.push(`${head} ${this.flowOf(value, indent + 1)}${this.trailing()}`);
      } else {
        const alias = this.alias(value);
        if (alias) {
          this.lines.push(`${head} ${alias}${this.trailing()}`);
          return;
        }
        const anchor = this.anchor(value);
        if (this.chance(this.style.flow)) {
          this.lines.push(`${head} ${anchor}${this.flowOf(value, indent + 1)}${this.trailing()}`);
        } else {
          this.lines.push(`${head}${anchor === '' ? '' : ` ${anchor.trimEnd()}`}${this.trailing()}`);
          if (isMap(value)) this.blockMap(value, indent + this.width(), null);
          else this.blockSeq(value, this.chance(this.style.indentlessSeq) ? indent : indent + this.width());
        }
      }
    });
  }

  private blockSeq(seq: readonly Yaml[], indent: number): void {
    const dash = `${' '.repeat(indent)}-`;
    seq.forEach((item) => {
      this.commentLine(indent);
      if (!isMap(item) && !isSeq(item)) {
        this.lines.push(`${dash} ${this.scalar(item, false)}${this.trailing()}`);
      } else if (this.isEmpty(item)) {
        this.lines.push(`${dash} ${this.flowOf(item, indent + 1)}${this.trailing()}`);
      } else {
        const alias = this.alias(item);
        if (alias) {
          this.lines.push(`${dash} ${alias}${this.trailing()}`);
          return;
        }
        // An anchor before `name: a` on the dash's line would name the key: anchored maps start on the next line.
        const anchor = this.anchor(item);
        if (this.chance(this.style.flow)) {
          this.lines.push(`${dash} ${anchor}${this.flowOf(item, indent + 1)}${this.trailing()}`);
        } else if (isMap(item) && anchor === '' && this.chance(this.style.compactSeq)) {
          const gap = 1 + Math.floor(this.random() * 3);
          this.blockMap(item, indent + 1 + gap, `${dash}${' '.repeat(gap)}`);
        } else {
          this.lines.push(`${dash}${anchor === '' ? '' : ` ${anchor.trimEnd()}`}${this.trailing()}`);
          if (isMap(item)) this.blockMap(item, indent + this.width(), null);
          else this.blockSeq(item, indent + this.width());
        }
      }
    });
  }

  /** `*name` when an equal collection was anchored before and the style uses the alias; else ''. */
  private alias(value: YamlMap | readonly Yaml[]): string {
    const name = this.anchors.get(JSON.stringify(value));
    return name !== undefined && this.chance(this.style.aliases) ? `*${name}` : '';
  }

  /** `&name ` when the style anchors this collection (which later equal ones may then name); else ''. */
  private anchor(value: YamlMap | readonly Yaml[]): string {
    if (!this.chance(this.style.aliases)) return '';
    const name = `a${++this.anchorCount}`;
    this.anchors.set(JSON.stringify(value), name);
    return `&${name} `;
  }

  private isEmpty(value: YamlMap | readonly Yaml[]): boolean {
    return isMap(value) ? Object.keys(value).length === 0 : value.length === 0;
  }

  /** A flow collection; continuation lines (when it breaks) start at column `indent` or further. */
  private flowOf(value: YamlMap | readonly Yaml[], indent: number): string {
    const parts = isMap(value)
      ? Object.entries(value).map(([key, item]) => `${this.key(key)}: ${this.flowValue(item, indent)}`)
      : value.map((item) => this.flowValue(item, indent));
    const [open, close] = isMap(value) ? ['{', '}'] : ['[', ']'];
    if (parts.length === 0) return `${open}${close}`;
    const pad = this.chance(0.5) ? ' ' : '';
    const separator = this.chance(this.style.multilineFlow) ? `,\n${' '.repeat(indent + this.width())}` : this.pick([', ', ',']);
    return `${open}${pad}${parts.join(separator)}${pad}${close}`;
  }

  private flowValue(value: Yaml, indent: number): string {
    if (!isMap(value) && !isSeq(value)) return this.scalar(value, true);
    if (this.isEmpty(value)) return this.flowOf(value, indent);
    const alias = this.alias(value);
    // A space after an alias: `*a1}` would be read as the alias name `a1}`.
    return alias !== '' ? `${alias} ` : `${this.anchor(value)}${this.flowOf(value, indent)}`;
  }
}

/** One file of documents, spelled in `style`. Anchors are per document, as in YAML. */
export function renderFile(documents: readonly Yaml[], style: Style): string {
  const renderer = new Renderer(style);
  documents.forEach((document, index) => {
    if (index > 0 || style.explicitStart) renderer.lines.push('---');
    renderer.document(document);
  });
  const text = renderer.lines.map((line) => line.split('\n')).flat().join('\n');
  const newline = style.crlf ? '\r\n' : '\n';
  return `${text}\n`.replace(/\n/g, newline);
}

// ---------------------------------------------------------------------------------------------
// Objects

/** A record whose keys come in a random order (the renderer writes them in insertion order). */
function shuffled<T extends YamlMap>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return arb.chain((value) => {
    const keys = Object.keys(value);
    return fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }).map((order) => Object.fromEntries(order.map((key) => [key, value[key]])) as T);
  });
}

/** A map of a random subset of `fields` (all of `required`), its keys in a random order. */
function partial<T extends Record<string, fc.Arbitrary<Yaml>>>(fields: T, required: ReadonlyArray<keyof T & string> = []): fc.Arbitrary<YamlMap> {
  return shuffled<YamlMap>(fc.record(fields, { requiredKeys: [...required] }));
}

const IMAGES = [
  'nginx',
  'nginx:latest',
  'nginx:1.27',
  'redis:7.2',
  'ghcr.io/acme/app:v1.2.3',
  'quay.io/team/worker:latest',
  `registry.example.com/shop/api@sha256:${'ab12'.repeat(16)}`,
  'busybox:1.36@sha256:' + 'c0de'.repeat(16),
  'localhost:5000/dev',
];

const securityContext = partial({
  privileged: fc.boolean(),
  allowPrivilegeEscalation: fc.boolean(),
  runAsNonRoot: fc.boolean(),
  runAsUser: fc.constantFrom(0, 1000, 65534),
  runAsGroup: fc.constantFrom(0, 3000),
  readOnlyRootFilesystem: fc.boolean(),
  procMount: fc.constantFrom('Default', 'Unmasked'),
  capabilities: partial({
    add: fc.subarray(['NET_ADMIN', 'SYS_ADMIN', 'NET_RAW', 'CHOWN', 'NET_BIND_SERVICE']),
    drop: fc.subarray(['ALL', 'NET_RAW', 'SYS_ADMIN']),
  }),
  seccompProfile: partial({ type: fc.constantFrom('RuntimeDefault', 'Unconfined', 'Localhost'), localhostProfile: fc.constant('profiles/app.json') }),
  appArmorProfile: partial({ type: fc.constantFrom('RuntimeDefault', 'Unconfined') }, ['type']),
  seLinuxOptions: partial({ type: fc.constantFrom('spc_t', 'container_t') }),
});

const podSecurityContext = partial({
  runAsNonRoot: fc.boolean(),
  runAsUser: fc.constantFrom(0, 1000),
  fsGroup: fc.constant(2000),
  seccompProfile: partial({ type: fc.constantFrom('RuntimeDefault', 'Unconfined') }, ['type']),
  sysctls: fc.array(partial({ name: fc.constantFrom('net.ipv4.ip_forward', 'kernel.shm_rmid_forced'), value: fc.constant('1') }, ['name', 'value']), { maxLength: 2 }),
});

const resources = partial({
  limits: partial({ cpu: fc.constantFrom('500m', '1'), memory: fc.constantFrom('128Mi', '1Gi') }),
  requests: partial({ cpu: fc.constantFrom('100m', '250m'), memory: fc.constant('64Mi') }),
});

const env = fc.array(
  fc.oneof(
    partial({ name: fc.constantFrom('MODE', 'PASSWORD', 'API_TOKEN', 'LOG_LEVEL'), value: fc.constantFrom('prod', 'hunter2', 's3cr3t-v4lue-with-entropy-9f8e7d', 'debug') }, ['name', 'value']),
    partial({ name: fc.constantFrom('DB_PASSWORD', 'TOKEN'), valueFrom: fc.constant({ secretKeyRef: { name: 'db', key: 'password' } }) }, ['name', 'valueFrom']),
  ),
  { maxLength: 3 },
);

const probe = fc.oneof(fc.constant<YamlMap>({ httpGet: { path: '/healthz', port: 8080 } }), fc.constant<YamlMap>({ tcpSocket: { port: 'http' } }), fc.constant<YamlMap>({ exec: { command: ['true'] } }));

const container = partial(
  {
    name: fc.constantFrom('app', 'sidecar', 'init', 'proxy'),
    image: fc.constantFrom(...IMAGES),
    imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
    ports: fc.array(partial({ containerPort: fc.constantFrom(80, 8080, 9090), hostPort: fc.constantFrom(80, 8080), protocol: fc.constantFrom('TCP', 'UDP'), name: fc.constant('http') }, ['containerPort']), { maxLength: 2 }),
    securityContext: fc.oneof({ weight: 4, arbitrary: securityContext }, { weight: 1, arbitrary: fc.constant(null) }),
    resources,
    env,
    livenessProbe: probe,
    readinessProbe: probe,
  },
  ['name', 'image'],
);

const volume = fc.oneof(
  partial({ name: fc.constantFrom('host', 'logs'), hostPath: partial({ path: fc.constantFrom('/var/log', '/', '/var/run/docker.sock', '/etc'), type: fc.constantFrom('Directory', 'File') }, ['path']) }, ['name', 'hostPath']),
  partial({ name: fc.constant('scratch'), emptyDir: fc.constant({}) }, ['name', 'emptyDir']),
  partial({ name: fc.constant('config'), configMap: fc.constant({ name: 'settings' }) }, ['name', 'configMap']),
);

function podSpec(): fc.Arbitrary<YamlMap> {
  return partial(
    {
      containers: fc.array(container, { minLength: 1, maxLength: 3 }),
      initContainers: fc.array(container, { minLength: 1, maxLength: 2 }),
      hostNetwork: fc.boolean(),
      hostPID: fc.boolean(),
      hostIPC: fc.boolean(),
      serviceAccountName: fc.constantFrom('default', 'app'),
      automountServiceAccountToken: fc.boolean(),
      securityContext: podSecurityContext,
      volumes: fc.array(volume, { minLength: 1, maxLength: 3 }),
    },
    ['containers'],
  );
}

export const NAMES = ['web', 'api', 'db'] as const;
export const NAMESPACES = ['prod', 'dev', 'default'] as const;

export interface ObjectOptions {
  /** Appended to every generated name, so that objects can be told apart by reference. */
  suffix?: string;
}

function metadata(suffix: string): fc.Arbitrary<YamlMap> {
  return partial(
    {
      name: fc.constantFrom(...NAMES).map((name) => `${name}${suffix}`),
      namespace: fc.constantFrom(...NAMESPACES),
      labels: fc.constantFrom(...NAMES).map((app) => ({ app })),
      annotations: partial({ team: fc.constant('shop'), 'container.apparmor.security.beta.kubernetes.io/app': fc.constantFrom('runtime/default', 'unconfined'), 'sidecar.istio.io/inject': fc.constantFrom('true', 'false') }),
    },
    ['name'],
  );
}

function withTypeMeta(apiVersion: string, kind: string, rest: fc.Arbitrary<YamlMap>): fc.Arbitrary<YamlMap> {
  return shuffled(rest.map((fields) => ({ apiVersion, kind, ...fields })));
}

/** A Pod, Deployment or Service (and now and then a NetworkPolicy or Namespace), sometimes without its spec. */
export function objectArb({ suffix = '' }: ObjectOptions = {}): fc.Arbitrary<YamlMap> {
  const meta = metadata(suffix);
  const pod = withTypeMeta('v1', 'Pod', partial({ metadata: meta, spec: podSpec() }, ['metadata']));
  const deployment = withTypeMeta(
    'apps/v1',
    'Deployment',
    partial(
      {
        metadata: meta,
        spec: partial(
          {
            replicas: fc.integer({ min: 0, max: 5 }),
            selector: fc.constantFrom(...NAMES).map((app) => ({ matchLabels: { app } })),
            template: partial({ metadata: fc.constantFrom(...NAMES).map((app) => ({ labels: { app } })), spec: podSpec() }, ['spec']),
          },
          ['template'],
        ),
      },
      ['metadata'],
    ),
  );
  const service = withTypeMeta(
    'v1',
    'Service',
    partial(
      {
        metadata: meta,
        spec: partial(
          {
            type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
            selector: fc.constantFrom(...NAMES).map((app) => ({ app })),
            ports: fc.array(partial({ port: fc.constantFrom(80, 443), targetPort: fc.constantFrom(8080, 'http'), nodePort: fc.constant(30080) }, ['port']), { minLength: 1, maxLength: 2 }),
            externalIPs: fc.constant(['203.0.113.7']),
            loadBalancerSourceRanges: fc.constantFrom(['0.0.0.0/0'], ['10.0.0.0/8']),
          },
          ['ports'],
        ),
      },
      ['metadata'],
    ),
  );
  const networkPolicy = withTypeMeta(
    'networking.k8s.io/v1',
    'NetworkPolicy',
    partial({ metadata: meta, spec: partial({ podSelector: fc.constantFrom<YamlMap>({}, { matchLabels: { app: 'web' } }), policyTypes: fc.constant(['Ingress']), ingress: fc.constant([{}]) }, ['podSelector']) }, ['metadata']),
  );
  const namespace = withTypeMeta(
    'v1',
    'Namespace',
    partial({ metadata: partial({ name: fc.constantFrom(...NAMESPACES).map((name) => `${name}${suffix}`), labels: fc.constantFrom<YamlMap>({ 'pod-security.kubernetes.io/enforce': 'restricted' }, { 'istio-injection': 'disabled' }) }, ['name']) }, ['metadata']),
  );
  return fc.oneof({ weight: 3, arbitrary: pod }, { weight: 3, arbitrary: deployment }, { weight: 2, arbitrary: service }, { weight: 1, arbitrary: networkPolicy }, { weight: 1, arbitrary: namespace });
}

/** Where a generated object sits: its file, its document and, inside a List, its item. */
export interface PlacedObject {
  file: string;
  document: number;
  /** `[]`, or `['items', i]` inside a List. */
  basePath: ReadonlyArray<string | number>;
  value: YamlMap;
}

/** A document holding one object, or a `kind: List` of several. */
export function documentArb(objects: fc.Arbitrary<YamlMap>): fc.Arbitrary<YamlMap> {
  return fc.oneof(
    { weight: 4, arbitrary: objects },
    { weight: 1, arbitrary: fc.array(objects, { minLength: 1, maxLength: 3 }).map((items): YamlMap => ({ apiVersion: 'v1', kind: 'List', items })) },
  );
}

/** The objects of a file's documents, as the engine expands them. */
export function objectsOf(file: string, documents: readonly YamlMap[]): PlacedObject[] {
  return documents.flatMap((document, index) => {
    const items = document.kind === 'List' ? document.items : undefined;
    if (isSeq(items)) return items.filter(isMap).map((value, item): PlacedObject => ({ file, document: index, basePath: ['items', item], value }));
    return [{ file, document: index, basePath: [], value: document }];
  });
}

/** Documents whose objects all have distinct names (a suffix per object). */
export function distinctDocumentsArb(maxDocuments: number): fc.Arbitrary<YamlMap[]> {
  return fc.integer({ min: 1, max: maxDocuments }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => documentArb(objectArb({ suffix: `-${i}` }))))).map((documents) => distinctItems(documents));
}

/** Inside a List, items of one document share the document's suffix: give each its own. */
function distinctItems(documents: YamlMap[]): YamlMap[] {
  return documents.map((document, d) => {
    const items = document.items;
    if (document.kind !== 'List' || !isSeq(items)) return document;
    return { ...document, items: items.map((item, i) => (isMap(item) ? renamed(item, `-${d}-${i}`) : item)) };
  });
}

function renamed(object: YamlMap, suffix: string): YamlMap {
  const meta = object.metadata;
  if (!isMap(meta) || typeof meta.name !== 'string') return object;
  const base = meta.name.replace(/-\d+$/, '');
  return { ...object, metadata: { ...meta, name: `${base}${suffix}` } };
}
