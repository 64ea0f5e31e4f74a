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
