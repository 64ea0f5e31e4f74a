import { lineMatches } from '../../src/render/template-actions';

describe('lineMatches: a template line against a rendered line', () => {
  test.each([
    ['image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"', 'image: "nginx:1.27"', true],
    ['image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"', 'image: nginx', false],
    ['privileged: {{ .Values.privileged }}', 'privileged: true', true],
    ['name: {{ include "chart.fullname" . }}-web', 'name: release-name-chart-web', true],
    ['name: {{ include "chart.fullname" . }}-web', 'name: release-name-chart-api', false],
    ['name: literal', 'name: literal', true],
    ['name: literal', 'name: literally', false],
    // The rendered text must hold the literals in order, not overlapping.
    ['a{{ x }}b{{ y }}b', 'ab', false],
    ['a{{ x }}b{{ y }}b', 'abb', true],
    ['{{- .Values.key }}: value', 'anything: value', true],
  ])('%s ~ %s: %s', (template, rendered, expected) => {
    expect(lineMatches(template, rendered)).toBe(expected);
  });

  test('many actions against a long line that does not match answer at once (no backtracking)', () => {
    const template = `x: ${Array.from({ length: 40 }, () => 'a{{ .v }}').join('')}z`;
    const rendered = `x: ${'a'.repeat(20000)}`;
    // A backtracking matcher would not finish before the test timeout; this one is linear.
    expect(lineMatches(template, rendered)).toBe(false);
  });
});
