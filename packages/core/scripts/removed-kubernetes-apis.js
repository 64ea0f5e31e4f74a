/*
 * API versions that Kubernetes stopped serving, from the "Removed APIs by release" list of the
 * Deprecated API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide/).
 *
 * Needed because each kubernetes-models release merges the OpenAPI specs of older Kubernetes
 * releases into its latest one, to keep the models of removed APIs: those are found here and
 * taken out of the kinds of every bundled version that no longer serves them.
 */
'use strict';

const REMOVALS = [
  // DeploymentRollback, Eviction and Scale (subresources, not in the guide) went with their API versions.
  { removedIn: '1.16', apiVersion: 'extensions/v1beta1', kinds: ['DaemonSet', 'Deployment', 'DeploymentRollback', 'ReplicaSet', 'Scale'], replacement: 'apps/v1' },
  { removedIn: '1.16', apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], replacement: 'networking.k8s.io/v1' },
  { removedIn: '1.16', apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], replacement: 'Pod Security Admission' },
  { removedIn: '1.16', apiVersion: 'apps/v1beta1', kinds: ['ControllerRevision', 'Deployment', 'DeploymentRollback', 'Scale', 'StatefulSet'], replacement: 'apps/v1' },
  { removedIn: '1.16', apiVersion: 'apps/v1beta2', kinds: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'Scale', 'StatefulSet'], replacement: 'apps/v1' },
  { removedIn: '1.22', apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], replacement: 'admissionregistration.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], replacement: 'apiextensions.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], replacement: 'apiregistration.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], replacement: 'authentication.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'], replacement: 'authorization.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], replacement: 'certificates.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], replacement: 'coordination.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], replacement: 'networking.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], replacement: 'networking.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], replacement: 'rbac.authorization.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], replacement: 'scheduling.k8s.io/v1' },
  { removedIn: '1.22', apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], replacement: 'storage.k8s.io/v1' },
  { removedIn: '1.25', apiVersion: 'batch/v1beta1', kinds: ['CronJob'], replacement: 'batch/v1' },
  { removedIn: '1.25', apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], replacement: 'discovery.k8s.io/v1' },
  { removedIn: '1.25', apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], replacement: 'events.k8s.io/v1' },
  { removedIn: '1.25', apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], replacement: 'autoscaling/v2' },
  { removedIn: '1.25', apiVersion: 'policy/v1beta1', kinds: ['Eviction', 'PodDisruptionBudget'], replacement: 'policy/v1' },
  { removedIn: '1.25', apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], replacement: 'Pod Security Admission' },
  { removedIn: '1.25', apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], replacement: 'node.k8s.io/v1' },
  { removedIn: '1.26', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { removedIn: '1.26', apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], replacement: 'autoscaling/v2' },
  { removedIn: '1.27', apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], replacement: 'storage.k8s.io/v1' },
  { removedIn: '1.29', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { removedIn: '1.32', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

const SUBRESOURCES = new Set(['DeploymentRollback', 'Eviction', 'Scale']);

/** `apiVersion/kind` → { removedIn: '1.N', replacement }. */
function removedApis() {
  const out = {};
  for (const { removedIn, apiVersion, kinds, replacement } of REMOVALS) {
    for (const kind of kinds) {
      out[`${apiVersion}/${kind}`] = { removedIn, replacement };
      // The list kinds went with them.
      if (!SUBRESOURCES.has(kind)) out[`${apiVersion}/${kind}List`] = { removedIn, replacement };
    }
  }
  return out;
}

module.exports = { removedApis };
