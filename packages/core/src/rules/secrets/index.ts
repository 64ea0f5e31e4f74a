import type { AnyRule } from '../rule';
import { plaintextSecret } from './plaintext-secret';
import { secretAsEnvVar } from './secret-as-env-var';
import { secretInEnvLiteral } from './secret-in-env-literal';

/** The rules of category `secrets` (the registry sorts them). */
export const SECRET_RULES: readonly AnyRule[] = [
  plaintextSecret,
  secretAsEnvVar,
  secretInEnvLiteral,
] as readonly AnyRule[];
