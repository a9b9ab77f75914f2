// How a plain (unquoted) YAML scalar resolves to a boolean, integer or float: one definition for
// the scan's `yaml` parse and the history's js-yaml parse, so a key or value reads the same in the
// current file and in every historic version.
//
// YAML 1.2 is the core schema (what the `yaml` library reads by default). YAML 1.1 is read as Helm
// reads values files (go-yaml v2 through sigs.k8s.io/yaml): `y`/`on`/`yes` are booleans, `0755`
// is octal, `1_000` an integer, a float needs a digit before its exponent (`E0` and `e5` are
// strings: the `yaml` library's 1.1 schema reads them as NaN), and `1:20` is a string (go-yaml
// has no base-60 numbers; SnakeYAML and Psych do, a difference kept out so one rule holds).

export type ScalarTag = 'bool' | 'int' | 'float';

export interface ScalarRule {
  tag: ScalarTag;
  test: RegExp;
  construct: (text: string) => boolean | number;
}

const withoutUnderscores = (s: string) => s.replace(/_/g, '');

function int11(s: string): number {
  const sign = s.startsWith('-') ? -1 : 1;
  const body = withoutUnderscores(s.replace(/^[-+]/, ''));
  if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2);
  if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
  if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body, 8);
  return sign * parseInt(body, 10);
}

function special(s: string): number {
  if (/nan$/i.test(s)) return NaN;
  return s.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

export const YAML_11_RULES: readonly ScalarRule[] = [
  { tag: 'bool', test: /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/, construct: () => true },
  { tag: 'bool', test: /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/, construct: () => false },
  { tag: 'int', test: /^[-+]?(?:0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|0|[1-9][0-9_]*)$/, construct: int11 },
  { tag: 'float', test: INF_NAN, construct: special },
  { tag: 'float', test: /^[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/, construct: (s) => parseFloat(withoutUnderscores(s)) },
];

export const YAML_12_RULES: readonly ScalarRule[] = [
  { tag: 'bool', test: /^(?:true|True|TRUE)$/, construct: () => true },
  { tag: 'bool', test: /^(?:false|False|FALSE)$/, construct: () => false },
  { tag: 'int', test: /^[-+]?[0-9]+$/, construct: (s) => parseInt(s, 10) },
  { tag: 'int', test: /^0o[0-7]+$/, construct: (s) => parseInt(s.slice(2), 8) },
  { tag: 'int', test: /^0x[0-9a-fA-F]+$/, construct: (s) => parseInt(s.slice(2), 16) },
  { tag: 'float', test: INF_NAN, construct: special },
  { tag: 'float', test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, construct: (s) => parseFloat(s) },
  { tag: 'float', test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, construct: (s) => parseFloat(s) },
];

export const scalarRules = (version: '1.1' | '1.2'): readonly ScalarRule[] => (version === '1.1' ? YAML_11_RULES : YAML_12_RULES);

/** The rule that takes a plain scalar, if any. */
export function resolvePlain(text: string, rules: readonly ScalarRule[]): ScalarRule | undefined {
  return rules.find((r) => r.test.test(text));
}
