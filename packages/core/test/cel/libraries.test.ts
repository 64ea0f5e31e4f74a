/**
 * The Kubernetes CEL libraries on the examples of the Kubernetes documentation
 * (kubernetes.io "Common Expression Language in Kubernetes") and of the libraries' godoc
 * (k8s.io/apiserver/pkg/cel/library), with the values the API server gives.
 */
import { CelEvalError, compileCel, DEFAULT_CEL_BUDGET } from '../../src/cel';

function run(expression: string, activation: Record<string, unknown> = {}): unknown {
  return compileCel(expression, Object.keys(activation)).evaluate(activation, DEFAULT_CEL_BUDGET());
}

function expectValues(cases: ReadonlyArray<readonly [string, unknown]>): void {
  test.each(cases)('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
}

function expectErrors(cases: ReadonlyArray<readonly [string, RegExp]>): void {
  test.each(cases)('%s is an error', (expression, message) => {
    expect(() => run(expression)).toThrow(CelEvalError);
    expect(() => run(expression)).toThrow(message);
  });
}

describe('documentation examples of CEL expressions', () => {
  const self = {
    minReplicas: 1, replicas: 2, maxReplicas: 3,
    stateCounts: { Available: 1 },
    list1: [], list2: [1],
    health: 'ok: fine',
    widgets: [{ key: 'x', foo: 5 }],
    metadata: { name: 'singleton' },
    set1: [1, 2], set2: [3],
    names: ['a', 'b'], details: { a: 'x', b: 'y' },
    envars: [{ name: 'MY_ENV', value: 'abc' }],
  };
  test.each([
    'self.minReplicas <= self.replicas && self.replicas <= self.maxReplicas',
    "'Available' in self.stateCounts",
    '(self.list1.size() == 0) != (self.list2.size() == 0)',
    "self.envars.filter(e, e.name == 'MY_ENV').all(e, e.value.matches('^[a-zA-Z]*$'))",
    "self.health.startsWith('ok')",
    "self.widgets.exists(w, w.key == 'x' && w.foo < 10)",
    "self.metadata.name == 'singleton'",
    'self.set1.all(e, !(e in self.set2))',
    'self.names.size() == self.details.size() && self.names.all(n, n in self.details)',
    "self.details.all(key, key.matches('^[a-zA-Z]*$'))",
    "self.details.all(key, self.details[key].matches('^[a-zA-Z]*$'))",
  ])('%s', (expression) => {
    expect(run(expression, { self })).toBe(true);
  });

  test('int-or-string: both cases', () => {
    const rule = "type(self) == string ? self == '99%' : self == 42";
    expect(run(rule, { self: '99%' })).toBe(true);
    expect(run(rule, { self: 42 })).toBe(true);
    expect(run(rule, { self: 41 })).toBe(false);
  });
});

describe('lists library', () => {
  expectValues([
    ['[1, 2, 3].isSorted()', true],
    ["['a', 'b', 'b', 'c'].isSorted()", true],
    ['[2.0, 1.0].isSorted()', false],
    ['[1].isSorted()', true],
    ['[].isSorted()', true],
    ['[1, 3].sum()', 4],
    ['[1.0, 3.0].sum()', 4],
    ['[].sum()', 0],
    ['[1, 3].min()', 1],
    ['[1, 3].max()', 3],
    ['[1].min()', 1],
    ['([0] + []).min()', 0],
    ['[1, 2, 2, 3].indexOf(2)', 1],
    ["['a', 'b', 'b', 'c'].lastIndexOf('b')", 2],
    ['[1.0].indexOf(1.1)', -1],
    ["[].indexOf('string')", -1],
  ]);
  expectErrors([['[].min()', /min called on empty list/]]);

  test('documentation: names sorted, weights, priorities, indexOf', () => {
    expect(run('names.isSorted()', { names: ['a', 'b'] })).toBe(true);
    expect(run('items.map(x, x.weight).sum() == 1.0', { items: [{ weight: 0.25 }, { weight: 0.75 }] })).toBe(true);
    const priorities = { lowPriorities: [{ priority: 1 }, { priority: 2 }], highPriorities: [{ priority: 5 }, { priority: 3 }] };
    expect(run('lowPriorities.map(x, x.priority).max() < highPriorities.map(x, x.priority).min()', priorities)).toBe(true);
    expect(run("names.indexOf('should-be-first') == 1", { names: ['x', 'should-be-first'] })).toBe(true);
  });
});

describe('sets library', () => {
  expectValues([
    ['sets.contains([], [])', true],
    ['sets.contains([], [1])', false],
    ['sets.contains([1, 2, 3, 4], [2, 3])', true],
    ['sets.contains([1, 2.0, 3u], [1.0, 2u, 3])', true],
    ['sets.equivalent([], [])', true],
    ['sets.equivalent([1], [1, 1])', true],
    ['sets.equivalent([1], [1u, 1.0])', true],
    ['sets.equivalent([1, 2, 3], [3u, 2.0, 1])', true],
    ['sets.intersects([1], [])', false],
    ['sets.intersects([1], [1, 2])', true],
    ['sets.intersects([[1], [2, 3]], [[1, 2], [2, 3.0]])', true],
  ]);
});

describe('strings extension', () => {
  expectValues([
    ["'hello'.charAt(4)", 'o'],
    ["'hello mellow'.indexOf('ello')", 1],
    ["'hello mellow'.lastIndexOf('ello')", 7],
    ["'TacoCat'.lowerAscii()", 'tacocat'],
    ["'TacoCÆt Xii'.upperAscii()", 'TACOCÆT XII'],
    ["'hello hello'.replace('he', 'we')", 'wello wello'],
    ["'hello hello'.replace('he', 'we', 1)", 'wello hello'],
    ["'hello hello hello'.split(' ')", ['hello', 'hello', 'hello']],
    ["'hello hello hello'.split(' ', 2)", ['hello', 'hello hello']],
    ["'tacocat'.substring(4)", 'cat'],
    ["'tacocat'.substring(0, 4)", 'taco'],
    ["'  \\ttrim\\n    '.trim()", 'trim'],
    ["['hello', 'mellow'].join(' ')", 'hello mellow'],
    ['strings.quote("first\\nsecond")', '"first\\nsecond"'],
    ["strings.quote('verbatim')", '"verbatim"'],
    ["'%s is %d years old'.format(['Ana', 7])", 'Ana is 7 years old'],
  ]);
});

describe('regex library', () => {
  // The documentation's examples use '[0-9]*', which in Go's regexp (and here) matches the
  // empty string first: "abc 123".find('[0-9]*') is '' in the API server, not '123'.
  expectValues([
    ['"abc 123".find(\'[0-9]+\')', '123'],
    ['"abc 123".find(\'[0-9]*\')', ''],
    ['"abc 123".find(\'xyz\')', ''],
    ['"123 abc 456".findAll(\'[0-9]+\')', ['123', '456']],
    ['"123 abc 456".findAll(\'[0-9]+\', 1)', ['123']],
    ['"123 abc 456".findAll(\'xyz\')', []],
    ['"123 abc 456".findAll(\'[0-9]*\')', ['123', '', '', '', '', '456']],
    ['"1, 2, 3, 4".findAll(\'[0-9]+\').map(x, int(x)).sum() < 100', true],
    ['"abab".findAll(\'a|ab\')', ['a', 'a']],
    ['"foo bar".find(\'\\\\bbar$\')', 'bar'],
    ['"a\\nb".find(\'(?m)^b\')', 'b'],
    ['"Hello".find(\'(?i)hello\')', 'Hello'],
  ]);
  expectErrors([
    ['"a".find(\'(\')', /Illegal regex/],
    ['"a".find(\'(?<=a)b\')', /Illegal regex/],
  ]);
});

describe('quantity library', () => {
  expectValues([
    ["isQuantity('1.3G')", true],
    ["isQuantity('1.3Gi')", true],
    ["isQuantity('1,3G')", false],
    ["isQuantity('10000k')", true],
    ["isQuantity('200K')", false],
    ["isQuantity('Three')", false],
    ["isQuantity('Mi')", false],
    ['quantity("50000000G").isInteger()', true],
    ['quantity("500000G").isInteger()', true],
    ['quantity("50k").isInteger()', true],
    ['quantity("9999999999999999999999999999999999999G").isInteger()', false],
    ['quantity("50k").asInteger()', 50000],
    ['quantity("50k").asInteger() == 50000', true],
    ['quantity("9999999999999999999999999999999999999G").asApproximateFloat()', 1e46],
    ['quantity("50k").sub(20000).asApproximateFloat() == 30000.0', true],
    ['quantity("50k").add(quantity("20k")) == quantity("70k")', true],
    ['quantity("50k").add(20) == quantity("50020")', true],
    ['quantity("50k").sub(quantity("20k")) == quantity("30k")', true],
    ['quantity("50k").sub(20000) == quantity("30k")', true],
    ['quantity("50k").add(20).sub(quantity("100k")).sub(-50000) == quantity("20")', true],
    ['quantity("200M").compareTo(quantity("0.2G"))', 0],
    ['quantity("50M").compareTo(quantity("50Mi"))', -1],
    ['quantity("50Mi").compareTo(quantity("50M"))', 1],
    ['quantity("150Mi").isGreaterThan(quantity("100Mi"))', true],
    ['quantity("50Mi").isGreaterThan(quantity("100Mi"))', false],
    ['quantity("50M").isLessThan(quantity("100M"))', true],
    ['quantity("100M").isLessThan(quantity("50M"))', false],
    ['quantity("1500m") == quantity("1.5")', true],
    ['quantity("-1").sign()', -1],
    ['quantity("1e3") == quantity("1k")', true],
  ]);
  expectErrors([
    ["quantity('200K')", /quantities must match/],
    ["quantity('Three')", /quantities must match/],
    ["quantity('Mi')", /quantities must match/],
    ['quantity("9999999999999999999999999999999999999G").asInteger()', /cannot convert value to integer/],
  ]);
});

describe('URL library', () => {
  expectValues([
    ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
    ["isURL('/absolute-path')", true],
    ["isURL('https://a:b:c/')", false],
    ["isURL('../relative-path')", false],
    ["url('/path').getScheme()", ''],
    ["url('https://example.com/').getScheme()", 'https'],
    ["url('https://example.com:80/').getHost()", 'example.com:80'],
    ["url('https://example.com/').getHost()", 'example.com'],
    ["url('https://[::1]:80/').getHost()", '[::1]:80'],
    ["url('https://[::1]/').getHost()", '[::1]'],
    ["url('/path').getHost()", ''],
    ["url('https://example.com:80/').getHostname()", 'example.com'],
    ["url('https://127.0.0.1:80/').getHostname()", '127.0.0.1'],
    ["url('https://[::1]:80/').getHostname()", '::1'],
    ["url('/path').getHostname()", ''],
    ["url('https://example.com:80/').getPort()", '80'],
    ["url('https://example.com/').getPort()", ''],
    ["url('/path').getPort()", ''],
    ["url('https://example.com/path').getEscapedPath()", '/path'],
    ["url('https://example.com/path with spaces/').getEscapedPath()", '/path%20with%20spaces/'],
    ["url('https://example.com').getEscapedPath()", ''],
    ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()", { k1: ['a'], k2: ['b', 'c'] }],
    ["url('https://example.com/path?key with spaces=value with spaces').getQuery()", { 'key with spaces': ['value with spaces'] }],
    ["url('https://example.com/path?').getQuery()", {}],
    ["url('https://example.com/path').getQuery()", {}],
  ]);
  expectErrors([
    ["url('https://a:b:c/')", /URL parse error/],
    ["url('../relative-path')", /URL parse error/],
  ]);
});

describe('IP and CIDR libraries', () => {
  expectValues([
    ["isIP('127.0.0.1')", true],
    ["isIP('::1')", true],
    ["isIP('127.0.0.256')", false],
    ["isIP(':::1')", false],
    ["isIP('::ffff:1.2.3.4')", false],
    ["isIP('fe80::1%eth0')", false],
    ["isIP('127.0.0.01')", false],
    ["ip.isCanonical('127.0.0.1')", true],
    ["ip.isCanonical('2001:db8::abcd')", true],
    ["ip.isCanonical('2001:DB8::ABCD')", false],
    ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
    ["ip('127.0.0.1').family()", 4],
    ["ip('::1').family()", 6],
    ["ip('127.0.0.1').family() == 4", true],
    ["ip('0.0.0.0').isUnspecified()", true],
    ["ip('127.0.0.1').isUnspecified()", false],
    ["ip('::').isUnspecified()", true],
    ["ip('::1').isUnspecified()", false],
    ["ip('127.0.0.1').isLoopback()", true],
    ["ip('192.168.0.1').isLoopback()", false],
    ["ip('::1').isLoopback()", true],
    ["ip('2001:db8::abcd').isLoopback()", false],
    ["ip('224.0.0.1').isLinkLocalMulticast()", true],
    ["ip('224.0.1.1').isLinkLocalMulticast()", false],
    ["ip('ff02::1').isLinkLocalMulticast()", true],
    ["ip('fd00::1').isLinkLocalMulticast()", false],
    ["ip('169.254.169.254').isLinkLocalUnicast()", true],
    ["ip('192.168.0.1').isLinkLocalUnicast()", false],
    ["ip('fe80::1').isLinkLocalUnicast()", true],
    ["ip('fd80::1').isLinkLocalUnicast()", false],
    ["ip('192.168.0.1').isGlobalUnicast()", true],
    ["ip('255.255.255.255').isGlobalUnicast()", false],
    ["ip('2001:db8::abcd').isGlobalUnicast()", true],
    ["ip('ff00::1').isGlobalUnicast()", false],
    ["isCIDR('192.168.0.0/16')", true],
    ["isCIDR('::1/128')", true],
    ["isCIDR('192.168.0.0/33')", false],
    ["isCIDR('::1/129')", false],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false],
    ["cidr('192.168.0.0/24').containsIP('192.168.0.1')", true],
    ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
    ["cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", true],
    ["cidr('192.168.1.0/24').containsCIDR(cidr('192.168.2.0/24'))", false],
    ["cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')", true],
    ["cidr('192.168.1.0/24').containsCIDR('192.168.2.0/24')", false],
    ["cidr('192.168.0.1/24').ip() == ip('192.168.0.1')", true],
    ["cidr('192.168.0.1/24').ip().family()", 4],
    ["cidr('::1/128').ip() == ip('::1')", true],
    ["cidr('::1/128').ip().family()", 6],
    ["cidr('192.168.0.0/24').masked() == cidr('192.168.0.0/24')", true],
    ["cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true],
    ["cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()", true],
    ["cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()", false],
    ["cidr('192.168.0.0/16').prefixLength()", 16],
    ["cidr('::1/128').prefixLength()", 128],
    ["string(cidr('192.168.0.1/24').masked())", '192.168.0.0/24'],
    ["string(ip('2001:DB8::1')) == '2001:db8::1'", true],
    ['string(12)', '12'],
    // Opaque values come back to JS as their canonical text.
    ["cidr('192.168.0.1/24').masked()", '192.168.0.0/24'],
    ["ip('2001:DB8:0:0:0::1')", '2001:db8::1'],
  ]);
  expectErrors([
    ["string(quantity('1'))", /no matching overload/],
    ["ip('127.0.0.256')", /parse error/],
    ["ip(':::1')", /parse error/],
    ["cidr('192.168.0.0/33')", /parse error/],
    ["cidr('::1/129')", /parse error/],
  ]);
});

describe('format library', () => {
  expectValues([
    ["format.dns1123Label().validate('my-label-name').hasValue()", false],
    ["format.dns1123Subdomain().validate('apiextensions.k8s.io').hasValue()", false],
    ["format.dns1035Label().validate('my-label-name').hasValue()", false],
    ["format.qualifiedName().validate('apiextensions.k8s.io/v1beta1').hasValue()", false],
    ["format.dns1123LabelPrefix().validate('my-label-prefix-').hasValue()", false],
    ["format.dns1123SubdomainPrefix().validate('mysubdomain.prefix.-').hasValue()", false],
    ["format.dns1035LabelPrefix().validate('my-label-prefix-').hasValue()", false],
    ["format.uri().validate('http://example.com').hasValue()", false],
    ["format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()", false],
    ["format.byte().validate('aGVsbG8=').hasValue()", false],
    ["format.date().validate('2021-01-01').hasValue()", false],
    ["format.datetime().validate('2021-01-01T00:00:00Z').hasValue()", false],
    ["format.dns1123Label().validate('Not_A_Label').hasValue()", true],
    ["format.dns1035Label().validate('1abc').hasValue()", true],
    ["format.labelValue().validate('-bad').hasValue()", true],
    ["format.date().validate('2021-02-30').hasValue()", true],
    ["format.named('dns1123Label').hasValue()", true],
    ["format.named('nope').hasValue()", false],
    ["format.named('dns1123Label').value().validate('ok').hasValue()", false],
  ]);

  test('the errors are a list of strings, as messageExpression joins them', () => {
    expect(run("format.dns1123Label().validate('Not_A_Label').value().join('; ')")).toBe(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(run("format.dns1123Label().validate('x'.replace('x', 'a-very-long-label-name-that-is-more-than-sixty-three-characters-long')).value()[0]")).toBe(
      'must be no more than 63 characters',
    );
  });
});
