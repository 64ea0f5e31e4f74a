import { privilegedContainer } from '../../../src/rules/pod-security/privileged-container';
import { testRule, yaml } from '../../rule-tester';

testRule(privilegedContainer, {
  valid: [
    {
      name: 'privileged false and absent',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: ok }
        spec:
          containers:
            - name: a
              image: nginx:1.27
              securityContext:
                privileged: false
            - name: b
              image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'second container of a Deployment, init and ephemeral containers',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  securityContext: { privileged: true }
              containers:
                - name: a
                  image: nginx:1.27
                - name: b
                  image: nginx:1.27
                  securityContext:
                    privileged: true
              ephemeralContainers:
                - name: debug
                  securityContext:
                    privileged: yes
      `,
      errors: [
        { line: 11, column: 30, object: 'Deployment shop/web', path: 'spec.template.spec.initContainers[0].securityContext.privileged', message: 'init container "init" is privileged' },
        { line: 18, column: 13, object: 'Deployment shop/web', path: 'spec.template.spec.containers[1].securityContext.privileged', message: 'container "b" is privileged' },
        { line: 22, column: 13, object: 'Deployment shop/web', path: 'spec.template.spec.ephemeralContainers[0].securityContext.privileged' },
      ],
    },
  ],
});
