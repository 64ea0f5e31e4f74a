import os from 'node:os';
import path from 'node:path';

/**
 * A closed port on the loopback interface. kubectl, kustomize, helm and git send whatever they
 * try to fetch over HTTP(S) to this proxy, where nothing listens (port 9 is "discard", never
 * served). Go's HTTP client still connects directly to loopback addresses, so this layer is for
 * everything else (cloud metadata endpoints, internal hosts, the Internet); the static check and
 * the network namespace cover loopback.
 */
export const CLOSED_PROXY = 'http://127.0.0.1:9';

/**
 * The environment of a rendering program: nothing of the user's (no kubeconfig, cloud
 * credentials, Helm repositories, registry logins, git credential helpers), an empty temporary
 * HOME that is also TMPDIR, every proxy variable pointing at a closed port with no exception,
 * and git configured to use no system or global configuration, never prompt, run no ssh and
 * allow no transport at all.
 */
export function isolatedEnvironment(home: string): Record<string, string> {
  const proxy = Object.fromEntries(['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'].map((name) => [name, CLOSED_PROXY]));
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TMPDIR: home,
    LANG: 'C',
    KUBECONFIG: path.join(home, 'no-kubeconfig'),
    ...proxy,
    NO_PROXY: '',
    no_proxy: '',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
    // `false` exits 1: no ssh connection is ever made.
    GIT_SSH_COMMAND: 'false',
    // A list of allowed protocols that names none: git refuses every transport.
    GIT_ALLOW_PROTOCOL: 'none',
  };
}

/**
 * The `unshare` options that put a program in a new network namespace (only a loopback
 * interface, down): `-n` as root, else `-rn` (a user namespace maps the user to root inside).
 * Root also tries `-rn`, for containers that allow user namespaces but not `-n` alone.
 */
export function namespaceOptions(uid: number | undefined): string[][] {
  return uid === 0 ? [['-n'], ['-rn']] : [['-rn']];
}
