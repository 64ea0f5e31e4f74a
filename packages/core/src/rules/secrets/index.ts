import type { AnyRule } from '../rule';
import { plaintextSecret } from './plaintext-secret';
import { secretAsEnvVar } from './secret-as-env-var';
import { secretInConfigmap } from './secret-in-configmap';
import { secretInEnvLiteral } from './secret-in-env-literal';

/** The rules of category `secrets` (the registry sorts them). */
export const SECRET_RULES: readonly AnyRule[] = [
  plaintextSecret,
  secretAsEnvVar,
  secretInConfigmap,
  secretInEnvLiteral,
] as readonly AnyRule[];
