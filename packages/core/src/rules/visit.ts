import type { Container, PodTemplate } from '../model/pod';
import type { RuleContext } from './rule';

/** Calls `visit` for every init, regular and ephemeral container of every workload. */
export function forEachContainer<O>(
  context: RuleContext<O>,
  visit: (container: Container, pod: PodTemplate) => void,
): void {
  for (const pod of context.podTemplates) {
    for (const container of pod.containers) visit(container, pod);
  }
}

/** `container "app"`, `init container "setup"`, `ephemeral container "debug"` — for messages. */
export function describeContainer(container: Container): string {
  const label = container.kind === 'initContainer' ? 'init container' : container.kind === 'ephemeralContainer' ? 'ephemeral container' : 'container';
  return `${label} "${container.name}"`;
}

/**
 * `forEachContainer` for the containers of Linux pods only (user IDs, capabilities, seccomp and
 * AppArmor do not apply to Windows pods), each with its description for messages.
 */
export function forEachLinuxContainer<O>(
  context: RuleContext<O>,
  visit: (container: Container, pod: PodTemplate, who: string) => void,
): void {
  forEachContainer(context, (container, pod) => {
    if (!pod.isWindows) visit(container, pod, describeContainer(container));
  });
}
