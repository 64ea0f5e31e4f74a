import type { CelFunc } from '@bufbuild/cel';
import { LIST_CONCAT } from './append-list';
import { FORMAT_LIBRARY } from './format';
import { IP_LIBRARY } from './ip';
import { LISTS } from './lists';
import { OPTIONAL_LIBRARY } from './optional';
import { QUANTITY_LIBRARY } from './quantity';
import { REGEX } from './regex';
import { STRINGS } from './strings';
import { URL_LIBRARY } from './url';

/** The CEL libraries of the Kubernetes API server, on top of CEL's standard functions. */
export const KUBERNETES_LIBRARY: readonly CelFunc[] = [
  ...LIST_CONCAT,
  ...STRINGS,
  ...LISTS,
  ...REGEX,
  ...QUANTITY_LIBRARY,
  ...URL_LIBRARY,
  ...IP_LIBRARY,
  ...FORMAT_LIBRARY,
  ...OPTIONAL_LIBRARY,
];
