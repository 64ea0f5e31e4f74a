import { missingNetworkPolicy } from '../../../src/rules/network/missing-network-policy';
import { testRule, yaml } from '../../rule-tester';

testRule(missingNetworkPolicy, {
  valid: [
    {
      name: 'an empty podSelector in the same namespace selects every pod',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: shop
        spec:
          policyTypes: [Ingress, Egress]
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: unlabelled
          namespace: shop
        spec:
          containers:
            - name: app
              image: nginx:1.27
      `,
    },
    {
      name: 'matchLabels against the pod template labels (not the workload\'s own labels)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            team: storefront
        spec:
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
                tier: frontend
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
        spec:
          policyTypes: [Ingress, Egress]
          podSelector:
            matchLabels:
              app.kubernetes.io/name: web
              tier: frontend
      `,
    },
    {
      name: 'matchExpressions with In, NotIn, Exists and DoesNotExist (StatefulSet)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: backend
          namespace: data
        spec:
          policyTypes: [Ingress, Egress]
          podSelector:
            matchLabels:
              team: core
            matchExpressions:
              - { key: app, operator: In, values: [db, cache] }
              - { key: tier, operator: NotIn, values: [frontend] }
              - { key: team, operator: Exists }
              - { key: legacy, operator: DoesNotExist }
              - { key: zone, operator: NotIn, values: [eu] }
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          serviceName: db
          template:
            metadata:
              labels: { app: db, tier: backend, team: core }
            spec:
              containers:
                - name: postgres
                  image: postgres:16
      `,
    },
    {
      name: 'one of several policies selects the pods',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: other, namespace: shop }
        spec:
          policyTypes: [Ingress, Egress]
          podSelector: { matchLabels: { app: other } }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: labelled, namespace: shop }
        spec:
          policyTypes: [Ingress, Egress]
          podSelector:
            matchExpressions:
              - key: app
                operator: Exists
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: agent, namespace: shop }
        spec:
          template:
            metadata: { labels: { app: agent } }
            spec:
              containers: [{ name: agent, image: "agent:3" }]
      `,
    },
    {
      name: 'a policy and workloads without namespace meet: they share the unset namespace of their tree',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          policyTypes: [Ingress, Egress]
          podSelector: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: app
              image: app:1.0
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: j
                  image: app:1.0
      `,
    },
    {
      name: 'defaultNamespace: objects without namespace land in the configured one',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          policyTypes: [Ingress, Egress]
          podSelector: {}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "app:1.0" }]
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            metadata:
              labels: { app: rs }
            spec:
              containers: [{ name: app, image: "app:1.0" }]
      `,
    },
    {
      name: 'kind: List holding the policy, a CronJob and a ReplicationController',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
              namespace: ops
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    metadata:
                      labels:
                        job: backup
                    spec:
                      restartPolicy: Never
                      containers: [{ name: backup, image: "backup:1" }]
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: jobs
              namespace: ops
            spec:
              policyTypes: [Ingress, Egress]
              podSelector:
                matchExpressions:
                  - { key: job, operator: In, values: [backup, report] }
          - apiVersion: v1
            kind: ReplicationController
            metadata:
              name: rc
              namespace: ops
            spec:
              template:
                metadata:
                  labels: { job: report }
                spec:
                  containers: [{ name: rc, image: "rc:1" }]
      `,
    },
    {
      name: 'labels shared through a YAML anchor between a workload and its policy',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: shop }
            spec:
              template:
                metadata:
                  labels: &web { app: web, tier: frontend }
                spec:
                  containers: [{ name: app, image: "web:1" }]
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: web, namespace: shop }
            spec:
              policyTypes: [Ingress, Egress]
              podSelector:
                matchLabels: *web
      `,
    },
    {
      name: 'PodTemplate objects are not workloads; objects that create no pods are ignored',
      code: yaml`
        apiVersion: v1
        kind: PodTemplate
        metadata:
          name: tpl
          namespace: ci
        template:
          metadata:
            labels: { app: runner }
          spec:
            containers:
              - name: runner
                image: runner:1.0
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: ci
        spec:
          selector: { app: web }
          ports: [{ port: 80 }]
      `,
    },
    {
      name: 'direction: absent policyTypes with an egress section covers ingress and egress',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          egress:
            - to: [{ podSelector: { matchLabels: { app: db } } }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata: { labels: { app: web } }
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
    },
    {
      name: 'direction: an ingress policy for the namespace and an egress policy for the pods',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny-ingress, namespace: shop }
        spec:
          podSelector: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web-egress, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [Egress]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: web, namespace: shop, labels: { app: web } }
        spec:
          containers: [{ name: app, image: "web:1" }]
      `,
    },
    {
      name: 'directions option: ingress only accepts a policy that leaves egress open',
      options: { directions: ['ingress'] },
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          ingress:
            - from: [{ podSelector: { matchLabels: { app: lb } } }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata: { labels: { app: web } }
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
    },
  ],
  invalid: [
    {
      name: 'no NetworkPolicy at all (Deployment)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: nginx:1.27
      `,
      errors: [
        { line: 11, column: 7, object: 'Deployment shop/web', path: 'spec.template.metadata.labels', message: 'no NetworkPolicy in namespace "shop" selects the pods of Deployment "web" for ingress or egress' },
      ],
    },
    {
      name: 'policies in other namespaces do not count',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: other
        spec:
          podSelector: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          podSelector: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: shop
          labels:
            app: api
        spec:
          containers:
            - name: api
              image: api:1.0
      `,
      errors: [
        { line: 21, column: 3, object: 'Pod shop/api', path: 'metadata.labels', message: 'no NetworkPolicy in namespace "shop" selects the pods of Pod "api" for ingress or egress' },
      ],
    },
    {
      name: 'matchLabels are compared with the pod template labels, not the workload\'s own labels',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: web
              tier: frontend
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: { app: web, tier: frontend }
        spec:
          template:
            metadata:
              labels: { app: web, tier: backend }
            spec:
              containers:
                - name: app
                  image: nginx:1.27
      `,
      errors: [
        { line: 21, column: 7, object: 'Deployment shop/web', path: 'spec.template.metadata.labels' },
      ],
    },
    {
      name: 'unsatisfied In, NotIn, Exists and DoesNotExist requirements (StatefulSet)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: in, namespace: data }
        spec:
          podSelector:
            matchExpressions: [{ key: app, operator: In, values: [cache, queue] }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: in-missing-key, namespace: data }
        spec:
          podSelector:
            matchExpressions: [{ key: role, operator: In, values: [primary] }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: notin, namespace: data }
        spec:
          podSelector:
            matchExpressions: [{ key: app, operator: NotIn, values: [db] }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: exists, namespace: data }
        spec:
          podSelector:
            matchExpressions: [{ key: owner, operator: Exists }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: doesnotexist, namespace: data }
        spec:
          podSelector:
            matchExpressions: [{ key: tier, operator: DoesNotExist }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: labels-and-expressions, namespace: data }
        spec:
          podSelector:
            matchLabels: { app: db }
            matchExpressions: [{ key: tier, operator: NotIn, values: [backend] }]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          serviceName: db
          template:
            metadata:
              labels:
                app: db
                tier: backend
            spec:
              containers:
                - name: postgres
                  image: postgres:16
      `,
      errors: [
        { line: 53, column: 7, object: 'StatefulSet data/db', path: 'spec.template.metadata.labels', message: 'StatefulSet "db"' },
      ],
    },
    {
      name: 'a selector with an unknown operator selects nothing',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: typo, namespace: shop }
        spec:
          podSelector:
            matchExpressions:
              - key: app
                operator: in
                values: [web]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: web, namespace: shop, labels: { app: web } }
        spec:
          containers: [{ name: web, image: "web:1" }]
      `,
      errors: [
        { line: 13, column: 41, object: 'Pod shop/web', path: 'metadata.labels' },
      ],
    },
    {
      name: 'a malformed requirement (NotIn without values) selects nothing, as the API server refuses the policy',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: broken, namespace: shop }
        spec:
          podSelector:
            matchExpressions:
              - key: app
                operator: NotIn
                values: []
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
        spec:
          containers: [{ name: web, image: "web:1" }]
      `,
      errors: [
        { line: 16, column: 3, object: 'Pod shop/web', path: 'metadata.labels' },
      ],
    },
    {
      name: 'missing labels are located at the nearest existing node',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
          namespace: shop
        spec:
          containers:
            - name: app
              image: app:1.0
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nometa
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: nolabels
          namespace: shop
        spec:
          template:
            metadata:
              annotations: { a: b }
            spec:
              containers:
                - name: app
                  image: app:1.0
      `,
      errors: [
        { line: 3, column: 1, object: 'Pod shop/bare', path: 'metadata.labels', message: 'Pod "bare"' },
        { line: 17, column: 3, object: 'Deployment shop/nometa', path: 'spec.template.metadata.labels', message: 'Deployment "nometa"' },
        { line: 30, column: 5, object: 'DaemonSet shop/nolabels', path: 'spec.template.metadata.labels', message: 'DaemonSet "nolabels"' },
      ],
    },
    {
      name: 'CronJob and Job: labels under the pod template',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: backup
          namespace: ops
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            metadata:
              labels: { job: backup }
            spec:
              template:
                metadata:
                  labels:
                    job: backup
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: backup:2.1
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: ops
        spec:
          template:
            metadata: { labels: { job: migrate } }
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: app:1.0
      `,
      errors: [
        { line: 14, column: 11, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.metadata.labels', message: 'no NetworkPolicy in namespace "ops" selects the pods of CronJob "backup" for ingress or egress' },
        { line: 29, column: 17, object: 'Job ops/migrate', path: 'spec.template.metadata.labels', message: 'no NetworkPolicy in namespace "ops" selects the pods of Job "migrate" for ingress or egress' },
      ],
    },
    {
      name: 'defaultNamespace: a workload without namespace is not covered by a policy in default',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: default
        spec:
          podSelector: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: { app: p }
        spec:
          containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 13, column: 3, object: 'Pod shop/p', path: 'metadata.labels', message: 'no NetworkPolicy in namespace "shop" selects the pods of Pod "p" for ingress or egress' },
      ],
    },
    {
      name: 'defaultNamespace: a policy without namespace does not cover the default namespace',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          podSelector: {}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 16, column: 7, object: 'Deployment default/web', path: 'spec.template.metadata.labels', message: 'no NetworkPolicy in namespace "default" selects' },
      ],
    },
    {
      name: 'a NetworkPolicy of the removed extensions/v1beta1 API does not count',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata:
          name: old
          namespace: shop
        spec:
          podSelector: {}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 17, column: 7, object: 'Deployment shop/web', path: 'spec.template.metadata.labels' },
      ],
    },
    {
      name: 'a NetworkPolicy must be networking.k8s.io/v1: networking.k8s.io/v1beta1 does not exist and does not count',
      code: yaml`
        apiVersion: networking.k8s.io/v1beta1
        kind: NetworkPolicy
        metadata:
          name: wrong-version
          namespace: shop
        spec:
          podSelector: {}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 17, column: 7, object: 'Deployment shop/web', path: 'spec.template.metadata.labels' },
      ],
    },
    {
      name: 'kind: List: the policy selects one workload but not the other',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: frontend
              namespace: shop
            spec:
              policyTypes: [Ingress, Egress]
              podSelector:
                matchLabels:
                  tier: frontend
          - apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              template:
                metadata:
                  labels:
                    tier: frontend
                spec:
                  containers: [{ name: app, image: "web:1" }]
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              namespace: shop
            spec:
              template:
                metadata:
                  labels:
                    tier: backend
                spec:
                  containers: [{ name: db, image: "db:1" }]
      `,
      errors: [
        { line: 34, column: 11, object: 'StatefulSet shop/db', path: 'spec.template.metadata.labels', message: 'StatefulSet "db"' },
      ],
    },
    {
      name: 'flow style documents',
      code: yaml`
        {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: np, namespace: shop}, spec: {podSelector: {matchLabels: {app: web}}}}
        ---
        {apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: rs, namespace: shop}, spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: a, image: "a:1"}]}}}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: shop}, spec: {containers: [{name: a, image: "a:1"}]}}
      `,
      errors: [
        { line: 3, column: 109, object: 'ReplicaSet shop/rs', path: 'spec.template.metadata.labels', message: 'ReplicaSet "rs"' },
        { line: 5, column: 29, object: 'Pod shop/p', path: 'metadata.labels', message: 'Pod "p"' },
      ],
    },
    {
      name: 'direction: a policy without policyTypes or egress section isolates ingress only',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          ingress:
            - from: [{ podSelector: { matchLabels: { app: lb } } }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
      errors: [
        { line: 15, column: 7, object: 'Deployment shop/web', path: 'spec.template.metadata.labels', message: 'selects the pods of Deployment "web" for egress: they can connect anywhere' },
      ],
    },
    {
      name: 'direction: egress rules are ignored when policyTypes lists Ingress only; an Egress-only policy leaves ingress open',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: api-ingress, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: api } }
          policyTypes: [Ingress]
          egress:
            - to: [{ podSelector: { matchLabels: { app: db } } }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: worker-egress, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: worker } }
          policyTypes: [Egress]
          ingress:
            - from: [{ podSelector: {} }]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: shop
          labels: { app: api }
        spec:
          containers: [{ name: api, image: "api:1" }]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
          namespace: shop
          labels: { app: worker }
        spec:
          containers: [{ name: worker, image: "worker:1" }]
      `,
      errors: [
        { line: 24, column: 3, object: 'Pod shop/api', path: 'metadata.labels', message: 'no NetworkPolicy in namespace "shop" selects the pods of Pod "api" for egress' },
        { line: 33, column: 3, object: 'Pod shop/worker', path: 'metadata.labels', message: 'no NetworkPolicy in namespace "shop" selects the pods of Pod "worker" for ingress: any pod can connect to them' },
      ],
    },
    {
      name: 'direction: a namespace-wide ingress policy does not cover egress; an egress policy for other pods does not either',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny-ingress, namespace: shop }
        spec:
          podSelector: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db-egress, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: db } }
          policyTypes: [Egress]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: db, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: db }
            spec:
              containers: [{ name: db, image: "db:1" }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
      errors: [
        { line: 30, column: 7, object: 'Deployment shop/web', path: 'spec.template.metadata.labels', message: 'for egress' },
      ],
    },
    {
      name: 'direction: a policy the API server refuses (policyTypes not Ingress/Egress, spec not a map) isolates nothing',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: lowercase, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [ingress, Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: scalar, namespace: shop }
        spec: everything
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: web, namespace: shop, labels: { app: web } }
        spec:
          containers: [{ name: web, image: "web:1" }]
      `,
      errors: [
        { line: 15, column: 41, object: 'Pod shop/web', path: 'metadata.labels', message: 'for ingress or egress' },
      ],
    },
    {
      name: 'directions option: ingress only still reports pods no policy selects for ingress',
      options: { directions: ['ingress'] },
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: egress-only, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [Egress]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          labels: { app: web }
        spec:
          containers: [{ name: web, image: "web:1" }]
      `,
      errors: [
        { line: 13, column: 3, object: 'Pod shop/web', path: 'metadata.labels', message: 'Pod "web" for ingress' },
      ],
    },
  ],
});
