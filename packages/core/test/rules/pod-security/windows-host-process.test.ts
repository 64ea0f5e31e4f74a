import { windowsHostProcess } from '../../../src/rules/pod-security/windows-host-process';
import { testRule, yaml } from '../../rule-tester';

testRule(windowsHostProcess, {
  valid: [
    {
      name: 'hostProcess false or absent, other windowsOptions',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: iis, namespace: web }
        spec:
          template:
            spec:
              os: { name: windows }
              securityContext:
                windowsOptions: { hostProcess: false, runAsUserName: ContainerUser }
              containers:
                - name: iis
                  image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
                  securityContext:
                    windowsOptions: { runAsUserName: ContainerUser }
      `,
    },
  ],
  invalid: [
    {
      name: 'on the pod and on a container of a DaemonSet',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: csi-proxy
          namespace: kube-system
        spec:
          template:
            spec:
              os: { name: windows }
              hostNetwork: true
              securityContext:
                windowsOptions:
                  hostProcess: true
                  runAsUserName: 'NT AUTHORITY\\SYSTEM'
              containers:
                - name: csi-proxy
                  image: csi-proxy:1
                  securityContext:
                    windowsOptions: { hostProcess: true }
      `,
      errors: [
        { line: 13, column: 11, object: 'DaemonSet kube-system/csi-proxy', path: 'spec.template.spec.securityContext.windowsOptions.hostProcess', message: "pod runs as a Windows HostProcess, with the node's privileges" },
        { line: 19, column: 31, object: 'DaemonSet kube-system/csi-proxy', path: 'spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess', message: 'container "csi-proxy" runs as a Windows HostProcess' },
      ],
    },
  ],
});
