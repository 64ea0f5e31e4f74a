import { probeOrLifecycleHost } from '../../../src/rules/pod-security/probe-or-lifecycle-host';
import { testRule, yaml } from '../../rule-tester';

testRule(probeOrLifecycleHost, {
  valid: [
    {
      name: 'probes on the pod, an empty host and a Host header',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  livenessProbe:
                    httpGet:
                      path: /healthz
                      port: 8080
                      httpHeaders: [{ name: Host, value: shop.example.com }]
                  readinessProbe:
                    tcpSocket: { port: 8080, host: "" }
                  startupProbe:
                    exec: { command: [cat, /tmp/ready] }
                  lifecycle:
                    preStop:
                      sleep: { seconds: 5 }
      `,
    },
  ],
  invalid: [
    {
      name: 'every probe and lifecycle handler, httpGet and tcpSocket',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: prober
          namespace: shop
        spec:
          containers:
            - name: app
              image: app:1
              livenessProbe:
                httpGet:
                  host: 169.254.169.254
                  path: /latest/meta-data/
                  port: 80
              readinessProbe:
                tcpSocket: { host: 127.0.0.1, port: 10250 }
              startupProbe:
                httpGet: { host: db.internal, port: 5432 }
              lifecycle:
                postStart:
                  httpGet: { host: hooks.internal, port: 80, path: /start }
                preStop:
                  tcpSocket:
                    host: 10.0.0.1
                    port: 22
      `,
      errors: [
        { line: 12, column: 11, object: 'Pod shop/prober', path: 'spec.containers[0].livenessProbe.httpGet.host', message: 'livenessProbe of container "app" makes the kubelet connect to host "169.254.169.254" instead of the pod' },
        { line: 16, column: 22, object: 'Pod shop/prober', path: 'spec.containers[0].readinessProbe.tcpSocket.host', message: 'readinessProbe of container "app" makes the kubelet connect to host "127.0.0.1"' },
        { line: 18, column: 20, object: 'Pod shop/prober', path: 'spec.containers[0].startupProbe.httpGet.host', message: 'host "db.internal"' },
        { line: 21, column: 22, object: 'Pod shop/prober', path: 'spec.containers[0].lifecycle.postStart.httpGet.host', message: 'lifecycle.postStart of container "app"' },
        { line: 24, column: 13, object: 'Pod shop/prober', path: 'spec.containers[0].lifecycle.preStop.tcpSocket.host', message: 'lifecycle.preStop of container "app" makes the kubelet connect to host "10.0.0.1"' },
      ],
    },
  ],
});
