import { describeSensitiveHostPath, sensitiveHostPath } from '../../src/model/sensitive-host-paths';

function describedAs(hostPath: string): string | undefined {
  const found = sensitiveHostPath(hostPath);
  return found && describeSensitiveHostPath(found);
}

describe('sensitiveHostPath', () => {
  test.each([
    ['/', ", the node's root filesystem"],
    ['/var/run/docker.sock', ', the Docker socket'],
    ['/run/docker.sock', ', the Docker socket'],
    ['/run/containerd/containerd.sock', ', the containerd socket'],
    ['/var/run/containerd/containerd.sock', ', the containerd socket'],
    ['/run/k3s/containerd/containerd.sock', ', the containerd socket'],
    ['/var/run/crio/crio.sock', ', the CRI-O socket'],
    // Runtime sockets by file name, wherever they are.
    ['/var/snap/microk8s/common/run/containerd.sock', ', the containerd socket'],
    ['/run/user/1000/docker.sock', ', the Docker socket'],
    ['/var/run/crio.sock', ', the CRI-O socket'],
    ['/var/run/cri-dockerd.sock', ', the cri-dockerd socket'],
    ['/run/k3s', ', which contains the containerd socket'],
    ['/etc', ", the node's configuration"],
    ['/etc/kubernetes/pki', ", inside /etc: the node's configuration"],
    ['/proc', ", the host's processes and kernel settings"],
    ['/sys/fs/cgroup', ", inside /sys: the host's kernel and devices"],
    ['/var/lib/kubelet/pods', ", inside /var/lib/kubelet: the kubelet's credentials and every pod's volumes"],
    ['/root/.ssh', ", inside /root: root's home directory"],
    // Directories holding a socket or a sensitive directory.
    ['/var/run', ', which contains the Docker socket'],
    ['/run/containerd', ', which contains the containerd socket'],
    ['/var', ", which contains /var/lib/kubelet: the kubelet's credentials and every pod's volumes"],
    // Spelled differently, resolved as the node resolves them.
    ['/var/log/../../etc', ", the node's configuration"],
    ['//etc/', ", the node's configuration"],
    ['/var/run/', ', which contains the Docker socket'],
  ])('%s is sensitive', (hostPath, description) => {
    expect(describedAs(hostPath)).toBe(description);
  });

  test.each([
    '/var/log', '/var/log/pods', '/var/lib/docker/containers', '/opt/cni/bin', '/mnt/disks/ssd0', '/home',
    // Not the same paths: a prefix of the name is not a parent directory.
    '/etcd-data', '/proc2', '/rooted', '/var/run/docker.sock.d', '/run/docker', '/opt/docker.socket', '/x/constructor', '/x/__proto__', '/var/lib/kubelet-plugins',
    // Public files below /etc that agents read.
    '/etc/localtime', '/etc/timezone', '/etc/machine-id', '/etc/os-release', '/etc/ssl/certs', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ca-certificates',
    // Not absolute: not a host path the kubelet accepts.
    'etc', '',
  ])('%s is not sensitive', (hostPath) => {
    expect(sensitiveHostPath(hostPath)).toBeUndefined();
  });
});
