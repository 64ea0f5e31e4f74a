import { hostNamespaces } from '../../src/rules/pod-security/host-namespaces';
import { privilegedContainer } from '../../src/rules/pod-security/privileged-container';
import { runAsRoot } from '../../src/rules/pod-security/run-as-root';
import { testRule, yaml } from '../rule-tester';

/** A privileged container in each workload kind of custom resources, at its exact place. */
testRule(privilegedContainer, {
  valid: [
    {
      name: 'same-named kinds of other groups are not workloads; a Rollout with workloadRef has no template of its own',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          template:
            spec:
              containers: "not a list: not inferred either"
        ---
        apiVersion: example.com/v1
        kind: Rollout
        metadata:
          name: not-argo
        spec:
          steps:
            - container:
                securityContext: { privileged: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: by-ref
        spec:
          workloadRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          template:
            spec:
              containers:
                - name: ignored
                  securityContext: { privileged: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: steps-only
        spec:
          templates:
            - name: main
              steps: [[{ name: a, templateRef: { name: other, template: x } }]]
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: map
        spec:
          templates: { a: { container: { securityContext: { privileged: true } } } }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: odd
        spec:
          securityContext: [privileged]
          templates:
            - null
            - "container"
            - container: "privileged: true"
              containerSet: { containers: { privileged: true } }
              initContainers: { privileged: true }
              sidecars: [null, 1]
              securityContext: privileged
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: CronWorkflow
        metadata:
          name: no-spec
        spec:
          workflowSpec: "templates"
      `,
    },
  ],
  invalid: [
    {
      name: 'DeploymentConfig, Rollout, ScaledJob and Knative Service, Configuration and Revision (unnamed container)',
      code: yaml`
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata:
          name: dc
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext: { privileged: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: ro
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext: { privileged: true }
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: sj
        spec:
          jobTargetRef:
            template:
              spec:
                containers:
                  - name: worker
                    securityContext: { privileged: true }
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata:
          name: ksvc
        spec:
          template:
            spec:
              containers:
                - image: app:1
                  securityContext: { privileged: true }
        ---
        apiVersion: serving.knative.dev/v1
        kind: Configuration
        metadata:
          name: kconf
        spec:
          template:
            spec:
              containers:
                - securityContext: { privileged: true }
        ---
        apiVersion: serving.knative.dev/v1
        kind: Revision
        metadata:
          name: krev
        spec:
          containers:
            - securityContext: { privileged: true }
      `,
      errors: [
        { line: 10, column: 30, object: 'DeploymentConfig dc', path: 'spec.template.spec.containers[0].securityContext.privileged', message: 'container "app" is privileged' },
        { line: 21, column: 30, object: 'Rollout ro', path: 'spec.template.spec.containers[0].securityContext.privileged', message: 'container "app" is privileged' },
        { line: 33, column: 32, object: 'ScaledJob sj', path: 'spec.jobTargetRef.template.spec.containers[0].securityContext.privileged', message: 'container "worker" is privileged' },
        { line: 44, column: 30, object: 'Service ksvc', path: 'spec.template.spec.containers[0].securityContext.privileged', message: 'container "containers[0]" is privileged' },
        { line: 54, column: 30, object: 'Configuration kconf', path: 'spec.template.spec.containers[0].securityContext.privileged', message: 'container "containers[0]" is privileged' },
        { line: 62, column: 26, object: 'Revision krev', path: 'spec.containers[0].securityContext.privileged', message: 'container "containers[0]" is privileged' },
      ],
    },
    {
      name: 'DeploymentConfig as older OpenShift serves it, in the legacy core group',
      code: yaml`
        apiVersion: v1
        kind: DeploymentConfig
        metadata:
          name: legacy
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    privileged: true
      `,
      errors: [{ line: 11, column: 13, object: 'DeploymentConfig legacy', path: 'spec.template.spec.containers[0].securityContext.privileged' }],
    },
    {
      name: 'Argo Workflows: container, script, containerSet, init containers and sidecars of every template; CronWorkflow under workflowSpec',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: wf
        spec:
          templates:
            - name: build
              initContainers:
                - name: fetch
                  securityContext: { privileged: true }
              container:
                image: builder:1
                securityContext: { privileged: true }
              sidecars:
                - name: dind
                  securityContext: { privileged: true }
            - name: report
              script:
                image: python:3.12
                source: print(1)
                securityContext: { privileged: true }
            - name: set
              containerSet:
                containers:
                  - name: a
                  - name: b
                    securityContext: { privileged: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: CronWorkflow
        metadata:
          name: nightly
        spec:
          schedule: "@daily"
          workflowSpec:
            templates:
              - name: main
                container:
                  securityContext: { privileged: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ClusterWorkflowTemplate
        metadata:
          name: shared
        spec:
          templates:
            - container:
                securityContext: { privileged: true }
      `,
      errors: [
        { line: 10, column: 30, object: 'Workflow wf', path: 'spec.templates[0].initContainers[0].securityContext.privileged', message: 'init container "fetch" is privileged' },
        { line: 13, column: 28, object: 'Workflow wf', path: 'spec.templates[0].container.securityContext.privileged', message: 'container "build" is privileged' },
        { line: 16, column: 30, object: 'Workflow wf', path: 'spec.templates[0].sidecars[0].securityContext.privileged', message: 'container "dind" is privileged' },
        { line: 21, column: 28, object: 'Workflow wf', path: 'spec.templates[1].script.securityContext.privileged', message: 'container "report" is privileged' },
        { line: 27, column: 32, object: 'Workflow wf', path: 'spec.templates[2].containerSet.containers[1].securityContext.privileged', message: 'container "b" is privileged' },
        { line: 39, column: 30, object: 'CronWorkflow nightly', path: 'spec.workflowSpec.templates[0].container.securityContext.privileged', message: 'container "main" is privileged' },
        { line: 48, column: 28, object: 'ClusterWorkflowTemplate shared', path: 'spec.templates[0].container.securityContext.privileged', message: 'container "templates[0]" is privileged' },
      ],
    },
  ],
});

/** Pod-level fields where the CRD keeps them: a Workflow's are shared by every step pod. */
testRule(hostNamespaces, {
  valid: [
    {
      name: 'a WorkflowTemplate without hostNetwork',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: wt
        spec:
          hostNetwork: false
          templates:
            - name: main
              container: { image: a:1 }
      `,
    },
  ],
  invalid: [
    {
      name: 'Rollout template and Workflow spec',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: ro
        spec:
          template:
            spec:
              hostNetwork: true
              containers: [{ name: app }]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: wf
        spec:
          hostNetwork: true
          templates:
            - name: main
              container: { image: a:1 }
      `,
      errors: [
        { line: 8, column: 7, object: 'Rollout ro', path: 'spec.template.spec.hostNetwork' },
        { line: 16, column: 3, object: 'Workflow wf', path: 'spec.hostNetwork' },
      ],
    },
  ],
});

/** A Workflow's securityContext applies to every step; a template's own replaces it. */
testRule(runAsRoot, {
  valid: [
    {
      name: 'runAsNonRoot at the workflow level covers every template',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: wt
        spec:
          securityContext: { runAsNonRoot: true }
          templates:
            - name: a
              container: { image: a:1 }
            - name: b
              script: { image: b:1, source: "true" }
      `,
    },
  ],
  invalid: [
    {
      name: 'a template securityContext replaces the workflow one',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: wf
        spec:
          securityContext: { runAsNonRoot: true }
          templates:
            - name: root
              securityContext:
                runAsUser: 0
              container: { image: a:1 }
            - name: fine
              container: { image: b:1 }
      `,
      errors: [{ line: 10, column: 9, object: 'Workflow wf', path: 'spec.templates[0].securityContext.runAsUser', message: 'container "root" runs as root (runAsUser: 0)' }],
    },
  ],
});
